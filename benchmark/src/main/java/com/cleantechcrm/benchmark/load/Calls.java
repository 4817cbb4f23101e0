package com.cleantechcrm.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prepares the call for an endpoint. A call that needs an existing lead falls back to creating one while the pool is
 * empty, or, for stage moves, while no lead can move.
 */
public final class Calls {

    private static final String[] LIST_QUERIES = {
        "/leads?limit=20",
        "/leads?limit=20&organization_type=Government",
        "/leads?limit=50&lifecycle_stage=MQL",
        "/leads?limit=20&min_score=50",
        "/leads?limit=20&organization_type=Investor&lifecycle_stage=LEAD"
    };

    private final ObjectMapper json = new ObjectMapper();
    private final GatewayClient gateway;
    private final LeadPool pool;
    private final RequestBodies bodies;

    public Calls(GatewayClient gateway, LeadPool pool, String runId) {
        this.gateway = gateway;
        this.pool = pool;
        this.bodies = new RequestBodies(runId);
    }

    public LeadPool pool() {
        return pool;
    }

    public Call prepare(Endpoint endpoint) {
        return switch (endpoint) {
            case CREATE_LEAD -> createLead();
            case UPDATE_COMPLIANCE ->
                onAnyLead(lead -> Call.of(
                        endpoint,
                        gateway.jsonRequest("/leads/" + lead + "/compliance")
                                .PUT(HttpRequest.BodyPublishers.ofString(bodies.compliance()))
                                .build()));
            case APPLY_PLAYBOOK ->
                onAnyLead(lead -> Call.of(
                        endpoint,
                        gateway.jsonRequest("/leads/" + lead + "/playbook")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.playbook()))
                                .build()));
            case MOVE_STAGE -> moveStage();
            case GET_LEAD ->
                onAnyLead(lead -> Call.of(
                        endpoint, gateway.request("/leads/" + lead).GET().build()));
            case LIST_LEADS ->
                Call.of(
                        endpoint,
                        gateway.request(LIST_QUERIES[ThreadLocalRandom.current().nextInt(LIST_QUERIES.length)])
                                .GET()
                                .build());
            case GROWTH_STATS ->
                Call.of(
                        endpoint,
                        gateway.request("/leads/stats/growth?period_days=30")
                                .GET()
                                .build());
        };
    }

    /** Prepares a lead creation that adds the new lead to the pool once the gateway confirms it. */
    public Call createLead() {
        HttpRequest request = gateway.jsonRequest("/leads")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.newLead()))
                .build();
        return new Call(Endpoint.CREATE_LEAD, request, response -> {
            if (response.statusCode() == 201) {
                pool.added(idOf(response));
            }
        });
    }

    /** Builds a compliance change of the given lead, for the lag probe. */
    public HttpRequest complianceOf(UUID lead) {
        return gateway.jsonRequest("/leads/" + lead + "/compliance")
                .PUT(HttpRequest.BodyPublishers.ofString(bodies.compliance()))
                .build();
    }

    /** A read of one lead that waits until the read side has applied {@code version}. */
    public HttpRequest readAtLeast(UUID lead, long version) {
        return gateway.request("/leads/" + lead)
                .header("X-Min-Position", Long.toString(version))
                .GET()
                .build();
    }

    public UUID idOf(HttpResponse<String> response) {
        return UUID.fromString(field(response, "id").asText());
    }

    /** Reads a top-level field of a JSON response body. */
    public JsonNode field(HttpResponse<String> response, String name) {
        try {
            return json.readTree(response.body()).path(name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Call moveStage() {
        Optional<LeadPool.StageMove> move = pool.takeMovable();
        if (move.isEmpty()) {
            return createLead();
        }
        HttpRequest request = gateway.jsonRequest("/leads/" + move.get().leadId() + "/lifecycle")
                .POST(HttpRequest.BodyPublishers.ofString(
                        bodies.stageMove(move.get().to())))
                .build();
        return new Call(Endpoint.MOVE_STAGE, request, response -> pool.moved(move.get(), response.statusCode() == 200));
    }

    private Call onAnyLead(java.util.function.Function<UUID, Call> call) {
        return pool.any().map(call).orElseGet(this::createLead);
    }
}
