package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.system.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeadPipelineSystemTest {

    private static ApiClient client;

    @BeforeAll
    static void startSystem() throws Exception {
        RunningSystem system = RunningSystem.get();
        String key = system.createKey(system.unthrottledOrganization(), "leads:read,leads:write,stats:read");
        client = new ApiClient(system.gatewayUrl(), key);
    }

    @Test
    void createdLeadReadsBackExactly() {
        Map<String, Object> body = Leads.valid();

        Response created = client.post("/leads", ApiClient.json(body));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/leads/" + id);
        assertThat(created.body().get("lifecycle_stage").asText()).isEqualTo("LEAD");
        Response read = client.awaitGet("/leads/" + id, response -> response.status() == 200);
        assertThat(read.body().get("name").asText()).isEqualTo("Zoë Παπαδοπούλου");
        assertThat(read.body().get("company").asText()).isEqualTo("Δήμος Αθηναίων, \"Energy\" Office");
        assertThat(read.body().get("email").asText()).isEqualTo(body.get("email"));
        assertThat(read.body().get("lead_score").asInt()).isBetween(0, 100);
        assertThat(read.body().get("regulatory_compliance").get("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void dealValueKeepsEveryDigit() {
        String id = create(client, Leads.with(Leads.valid(), "deal_value", new BigDecimal("100000000000000.01")));

        Response read = client.awaitGet("/leads/" + id, response -> response.status() == 200);

        assertThat(read.raw().body()).contains("\"deal_value\":100000000000000.01");
    }

    @Test
    void trailingSlashCreatesLead() {
        Response created = client.post("/leads/", ApiClient.json(Leads.valid()));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void statisticsFollowTheEventsOfOneOrganisation() throws Exception {
        RunningSystem system = RunningSystem.get();
        ApiClient fresh = new ApiClient(
                system.gatewayUrl(),
                system.createKey(system.unthrottledOrganization(), "leads:read,leads:write,stats:read"));
        String won = create(fresh, Leads.with(Leads.valid(), "deal_value", 1000));
        String nurtured = create(fresh, Leads.with(Leads.valid(), "deal_value", 1500));
        String government = create(
                fresh, Leads.with(Leads.with(Leads.valid(), "organization_type", "Government"), "deal_value", 500));

        assertThat(moveTo(fresh, won, "MQL").status()).isEqualTo(200);
        assertThat(moveTo(fresh, won, "SQL").status()).isEqualTo(200);
        assertThat(moveTo(fresh, won, "WON").status()).isEqualTo(200);
        assertThat(moveTo(fresh, nurtured, "MQL").status()).isEqualTo(200);
        Response refused = moveTo(fresh, government, "SQL");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        Response approved = fresh.put(
                "/leads/" + government + "/compliance",
                ApiClient.json(Map.of("status", "approved", "requirements", List.of(), "note", "permit granted")));
        assertThat(approved.status()).isEqualTo(200);
        Response revalued = fresh.put("/leads/" + nurtured + "/deal-value", ApiClient.json(Map.of("deal_value", 2000)));
        assertThat(revalued.status()).isEqualTo(200);

        Response stats = fresh.awaitGet(
                "/leads/stats/growth?period_days=30",
                response -> response.status() == 200
                        && response.body()
                                        .path("pipeline_value")
                                        .path("current")
                                        .asDouble()
                                == 2500.0
                        && response.body()
                                        .path("regulatory_compliance")
                                        .path("approved")
                                        .asInt()
                                == 1);
        JsonNode figures = stats.body();
        assertThat(figures.get("pipeline_value").get("growth_rate").isNull()).isTrue();
        assertThat(figures.get("conversion_rates").get("mql_to_sql").asDouble()).isEqualTo(0.5);
        assertThat(figures.get("conversion_rates").get("sql_to_won").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("regulatory_compliance").get("pending").asInt()).isEqualTo(2);
        assertThat(figures.get("regulatory_compliance").get("rejected").asInt()).isZero();
    }

    @Test
    void historyKeepsOrderAndRequestIds() {
        String requestId = "system-test-" + UUID.randomUUID();
        Response created = client.post("/leads", ApiClient.json(Leads.valid()), "X-Request-Id", requestId);
        String id = created.body().get("id").asText();
        assertThat(created.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(moveTo(client, id, "MQL").status()).isEqualTo(200);
        Response playbook = client.post(
                "/leads/" + id + "/playbook",
                ApiClient.json(Map.of(
                        "playbook_id", "pb-1",
                        "strategy", Map.of("type", "Channel Launch", "focus_areas", List.of("public tenders")),
                        "implementation_plan", Map.of("timeline", "6 months", "resources", List.of("tender desk")))));
        assertThat(playbook.status()).isEqualTo(200);

        Response history = client.awaitGet(
                "/leads/" + id + "/history",
                response -> response.status() == 200
                        && response.body().path("events").size() == 3);

        List<String> types = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        history.body().get("events").forEach(event -> {
            types.add(event.get("type").asText());
            sequences.add(event.get("sequence_number").asInt());
        });
        assertThat(types).containsExactly("LeadCreated", "LifecycleStageChanged", "PlaybookApplied");
        assertThat(sequences).containsExactly(0, 1, 2);
        JsonNode first = history.body().get("events").get(0);
        assertThat(first.get("request_id").asText()).isEqualTo(requestId);
        assertThat(first.get("api_key_id").asText()).isNotBlank();
        Response lead = client.awaitGet(
                "/leads/" + id, response -> response.body().path("playbooks").size() == 1);
        assertThat(lead.body().get("playbooks").get(0).get("playbook_id").asText())
                .isEqualTo("pb-1");
    }

    @Test
    void requestIdReachesEveryServiceLog() throws Exception {
        RunningSystem system = RunningSystem.get();
        String requestId = "trace-" + UUID.randomUUID();
        Response created = client.post("/leads", ApiClient.json(Leads.valid()), "X-Request-Id", requestId);
        String leadId = created.body().get("id").asText();
        client.awaitGet("/leads/" + leadId, response -> response.status() == 200);

        String readId = "read-" + UUID.randomUUID();
        client.send("GET", "/leads/" + leadId, null, null, "X-Request-Id", readId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonLogLines gateway = JsonLogLines.parse(system.log("api-gateway"));
            JsonLogLines command = JsonLogLines.parse(system.log("command-service"));
            JsonLogLines query = JsonLogLines.parse(system.log("query-service"));

            JsonNode gatewayLine = single(gateway.of(requestId, "RequestLogFilter"));
            assertRequestLine(gatewayLine, "POST", "/leads", 201);
            String organizationId = gatewayLine.path("organization_id").asText();
            String apiKeyId = gatewayLine.path("api_key_id").asText();
            assertThat(organizationId).isNotIn("", "-");
            assertThat(apiKeyId).isNotIn("", "-");

            JsonNode commandLine = single(command.of(requestId, "RequestLogFilter"));
            assertRequestLine(commandLine, "POST", "/leads", 201);
            assertThat(commandLine.path("organization_id").asText()).isEqualTo(organizationId);
            assertThat(commandLine.path("api_key_id").asText()).isEqualTo(apiKeyId);

            JsonNode relayLine = single(withMessage(command.of(requestId, "LeadEventRelay"), "Published event"));
            assertThat(relayLine.path("message").asText()).contains(leadId);

            JsonNode appliedLine = single(withMessage(query.of(requestId, "LeadEventApplier"), "Applied event"));
            assertThat(appliedLine.path("message").asText()).contains(leadId);

            assertRequestLine(single(gateway.of(readId, "RequestLogFilter")), "GET", "/leads/{id}", 200);
            JsonNode readLine = single(query.of(readId, "RequestLogFilter"));
            assertRequestLine(readLine, "GET", "/leads/{id}", 200);
            assertThat(readLine.path("organization_id").asText()).isEqualTo(organizationId);
        });
        for (String service : List.of("api-gateway", "command-service", "query-service")) {
            assertThat(system.log(service)).doesNotContain(client.key());
        }
    }

    private static List<JsonNode> withMessage(List<JsonNode> lines, String messageStart) {
        return lines.stream()
                .filter(line -> line.path("message").asText().startsWith(messageStart))
                .toList();
    }

    private static JsonNode single(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static void assertRequestLine(JsonNode line, String method, String route, int status) {
        assertThat(line.path("http_method").asText()).isEqualTo(method);
        assertThat(line.path("route").asText()).isEqualTo(route);
        assertThat(line.path("status").asInt()).isEqualTo(status);
        assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(line.path("organization_id").isTextual()).isTrue();
        assertThat(line.path("api_key_id").isTextual()).isTrue();
    }

    @Test
    void playbookOnClosedLeadIsConflict() {
        String id = create(client, Leads.valid());
        assertThat(moveTo(client, id, "LOST").status()).isEqualTo(200);

        Response refused = client.post(
                "/leads/" + id + "/playbook",
                ApiClient.json(Map.of(
                        "playbook_id", "pb-2",
                        "strategy", Map.of("type", "Customer Acquisition", "focus_areas", List.of("utilities")),
                        "implementation_plan", Map.of("timeline", "1 quarter", "resources", List.of()))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void backwardMoveIsConflict() {
        String id = create(client, Leads.valid());
        assertThat(moveTo(client, id, "SQL").status()).isEqualTo(200);

        Response refused = moveTo(client, id, "MQL");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error").get("message").asText()).contains("SQL");
    }

    @Test
    void duplicateEmailIsRejectedCaseInsensitively() {
        String email = "dup-" + UUID.randomUUID() + "@example.org";
        String first = create(client, Leads.valid(email));

        Response duplicate = client.post("/leads", ApiClient.json(Leads.valid(email.toUpperCase())));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_LEAD");
        assertThat(duplicate.body().toString()).contains(first);
    }

    @Test
    void idempotentRetryReturnsFirstResponse() {
        String key = "retry-" + UUID.randomUUID();
        String body = ApiClient.json(Leads.valid());

        Response first = client.post("/leads", body, "Idempotency-Key", key);
        Response retry = client.post("/leads", body, "Idempotency-Key", key);
        Response reused = client.post("/leads", ApiClient.json(Leads.valid()), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    static String create(ApiClient api, Map<String, Object> body) {
        Response created = api.post("/leads", ApiClient.json(body));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static Response moveTo(ApiClient api, String id, String stage) {
        return api.post("/leads/" + id + "/lifecycle", ApiClient.json(Map.of("stage", stage, "reason", "test")));
    }
}
