package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the follow-ups of one lead in file order. The lead is found by the id its create returned in this run, or
 * else by {@code GET /leads?q=<email>}. Reads go to the query side, which shows a new lead shortly after it was
 * created, so the lookup retries until the lead appears or the projection wait runs out.
 */
final class FollowUpApplier {

    private static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(2);
    private static final int SEARCH_PAGE_SIZE = 100;
    private static final int MAX_SEARCH_PAGES = 5;

    private final ApiClient api;
    private final LeadCreator creator;
    private final Duration projectionWait;

    FollowUpApplier(ApiClient api, LeadCreator creator, Duration projectionWait) {
        this.api = api;
        this.creator = creator;
        this.projectionWait = projectionWait;
    }

    List<RowResult> apply(String email, List<ImportRow> rows) {
        Optional<LeadState> found = findLead(email);
        List<RowResult> results = new ArrayList<>();
        if (found.isEmpty()) {
            for (ImportRow row : rows) {
                results.add(new RowResult(row.line(), Outcome.FAILED, null, "NOT_FOUND no lead with email " + email));
            }
            return results;
        }

        LeadState lead = found.get();
        Map<String, Integer> occurrences = new HashMap<>();
        for (ImportRow row : rows) {
            results.add(applyOne(lead, row, idempotencyKey(email, row, occurrences)));
        }
        return results;
    }

    /**
     * Derives the {@code Idempotency-Key} of a follow-up from the lead's email, the operation, the body and how often
     * the same change came before it for this lead. A second run of the file sends the same keys, so the server
     * replays its first responses instead of storing the changes again, even while the read side lags behind.
     */
    private static String idempotencyKey(String email, ImportRow row, Map<String, Integer> occurrences) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.put("email", LeadCreator.normalize(email));
        change.put("op", row.operation().name());
        change.set("body", row.body());
        String canonical = ImportJson.canonical(change);
        change.put("occurrence", occurrences.merge(canonical, 1, Integer::sum));
        return ImportJson.idempotencyKey(change);
    }

    private RowResult applyOne(LeadState lead, ImportRow row, String idempotencyKey) {
        FollowUpOperation operation = row.operation();
        String id = lead.id();
        if (lead.isApplied(operation, row.body())) {
            return new RowResult(row.line(), Outcome.ALREADY_APPLIED, id, id);
        }

        ApiResponse response = api.send(operation.method(), operation.path(id), row.body(), idempotencyKey);
        LeadImport.throwIfKeyRejected(response);

        if (response.isSuccess() && isReplay(response)) {
            return new RowResult(row.line(), Outcome.ALREADY_APPLIED, id, id);
        }
        if (response.isSuccess()) {
            lead.apply(operation, row.body());
            JsonNode version = response.body().path("version");
            String detail = version.isNumber() ? id + " version " + version.asText() : id;
            return new RowResult(row.line(), Outcome.APPLIED, id, detail);
        }
        if (response.status() == 409 && appliedMeanwhile(id, operation, row.body())) {
            return new RowResult(row.line(), Outcome.ALREADY_APPLIED, id, id);
        }
        Outcome outcome = LeadImport.isInvalid(response) ? Outcome.INVALID : Outcome.FAILED;
        return new RowResult(row.line(), outcome, id, response.errorSummary() + " (lead " + id + ")");
    }

    private static boolean isReplay(ApiResponse response) {
        return response.headers()
                .firstValue(LeadCreator.REPLAYED_HEADER)
                .map("true"::equalsIgnoreCase)
                .orElse(false);
    }

    /** Rereads a lead after a 409 CONFLICT to tell a change that is already there from a refused one. */
    private boolean appliedMeanwhile(String id, FollowUpOperation operation, JsonNode body) {
        return fetchLead(id).map(fresh -> fresh.isApplied(operation, body)).orElse(false);
    }

    private Optional<LeadState> findLead(String email) {
        Optional<String> knownId = creator.leadIdOf(email);
        Instant deadline = Instant.now().plus(projectionWait);
        Duration interval = FIRST_POLL_INTERVAL;

        while (true) {
            Optional<String> id = knownId.isPresent() ? knownId : searchByEmail(email);
            Optional<LeadState> lead = id.flatMap(this::fetchLead);
            if (lead.isPresent() || Instant.now().isAfter(deadline)) {
                return lead;
            }
            sleep(interval);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0
                    ? MAX_POLL_INTERVAL
                    : interval.multipliedBy(2);
        }
    }

    private Optional<LeadState> fetchLead(String id) {
        ApiResponse response = api.get("/leads/" + id);
        LeadImport.throwIfKeyRejected(response);
        if (response.isSuccess() && response.body() instanceof ObjectNode lead) {
            return Optional.of(new LeadState(lead));
        }
        return Optional.empty();
    }

    private Optional<String> searchByEmail(String email) {
        String expectedEmail = LeadCreator.normalize(email);
        String query =
                "/leads?limit=" + SEARCH_PAGE_SIZE + "&q=" + URLEncoder.encode(email.strip(), StandardCharsets.UTF_8);
        String cursor = null;

        for (int page = 0; page < MAX_SEARCH_PAGES; page++) {
            String url =
                    cursor == null ? query : query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            ApiResponse response = api.get(url);
            LeadImport.throwIfKeyRejected(response);
            if (!response.isSuccess()) {
                return Optional.empty();
            }
            for (JsonNode item : response.body().path("items")) {
                if (LeadCreator.normalize(item.path("email").asText()).equals(expectedEmail)) {
                    return Optional.of(item.path("id").asText());
                }
            }
            JsonNode next = response.body().path("next_cursor");
            if (!next.isTextual()) {
                return Optional.empty();
            }
            cursor = next.asText();
        }
        return Optional.empty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("Interrupted while waiting for a lead to appear", e);
        }
    }
}
