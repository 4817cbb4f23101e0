package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CreateLeadEndpointTest extends CommandServiceIntegrationTest {

    @Test
    void createsLeadAndReturnsIt() {
        String email = randomEmail();
        ObjectNode body = validLead("  " + email + " ");
        body.put("name", "  Grace Hopper  ");

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode lead = bodyOf(response);
        String id = lead.get("id").asText();
        assertThat(response.headers().firstValue("Location")).hasValue("/leads/" + id);
        assertThat(lead.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(lead.get("email").asText()).isEqualTo(email);
        assertThat(lead.get("company").asText()).isEqualTo("Harbour Wind Cooperative");
        assertThat(lead.get("organization_type").asText()).isEqualTo("Corporate");
        assertThat(lead.get("sustainability_score").asInt()).isEqualTo(81);
        assertThat(lead.at("/regulatory_compliance/status").asText()).isEqualTo("pending");
        assertThat(lead.at("/regulatory_compliance/requirements/1").asText()).isEqualTo("EIA");
        assertThat(lead.at("/procurement_cycle/estimated_duration").asInt()).isEqualTo(120);
        assertThat(lead.at("/procurement_cycle/stage").asText()).isEqualTo("RFP");
        assertThat(lead.get("deal_value").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(lead.at("/source/channel").asText()).isEqualTo("ABM");
        assertThat(lead.at("/source/campaign").asText()).isEqualTo("offshore-q3");
        assertThat(lead.get("lifecycle_stage").asText()).isEqualTo("LEAD");
        assertThat(lead.get("created_at").asText()).endsWith("Z");
        assertThat(lead.get("updated_at").asText())
                .isEqualTo(lead.get("created_at").asText());
    }

    @Test
    void keepsNonAsciiTextIntact() {
        ObjectNode body = validLead(randomEmail());
        body.put("name", "Zo\u00eb \u03a0\u03b1\u03c0\u03b1\u03b4\u03bf\u03c0\u03bf\u03cd\u03bb\u03bf\u03c5");

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(bodyOf(response).get("name").asText())
                .isEqualTo(body.get("name").asText());
    }

    @Test
    void storesEventWithCallerMetadata() {
        UUID leadId = createLeadWithRequestId("req-" + UUID.randomUUID());

        String metadata = jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class,
                leadId.toString());
        JsonNode stored = bodyOfJson(metadata);
        assertThat(stored.get("organization_id").asText())
                .isEqualTo(caller.organizationId().toString());
        assertThat(stored.get("api_key_id").asText()).isEqualTo(caller.apiKeyId());
        assertThat(stored.get("request_id").asText()).startsWith("req-");
    }

    @Test
    void defaultsOptionalFields() {
        ObjectNode body = validLead(randomEmail());
        body.remove("deal_value");
        body.remove("source");

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(bodyOf(response).get("deal_value").decimalValue()).isEqualByComparingTo("0");
        assertThat(bodyOf(response).get("source").isNull()).isTrue();
    }

    @Test
    void storesPayloadAsByteaNotLargeObject() {
        List<String> types = jdbc.queryForList(
                "select data_type from information_schema.columns where table_schema = current_schema()"
                        + " and table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry')"
                        + " and column_name in ('payload', 'meta_data', 'token')",
                String.class);

        assertThat(types).hasSize(5).containsOnly("bytea");
    }

    @Test
    void allocatesGlobalIndexOneAtATime() {
        createLead(validLead(randomEmail()));

        Long lastGlobalIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Long sequenceValue = jdbc.queryForObject("select last_value from domain_event_entry_seq", Long.class);
        assertThat(sequenceValue).isEqualTo(lastGlobalIndex);
    }

    // Validation

    @Test
    void rejectsEachInvalidFieldWithoutStoringAnything() {
        List<InvalidCase> cases = new ArrayList<>();
        cases.add(new InvalidCase("name: must not be blank", body -> body.put("name", "   ")));
        cases.add(new InvalidCase("name: size must be between 0 and 200", body -> body.put("name", "n".repeat(201))));
        cases.add(new InvalidCase("name: must not be blank", body -> body.remove("name")));
        cases.add(new InvalidCase(
                "email: must be a well-formed email address", body -> body.put("email", "not-an-email")));
        cases.add(new InvalidCase(
                "email: size must be between 0 and 254", body -> body.put("email", "a".repeat(250) + "@example.org")));
        cases.add(new InvalidCase("company: must not be blank", body -> body.put("company", "")));
        cases.add(new InvalidCase(
                "organization_type: must be one of Investor, Government, Corporate, NGO",
                body -> body.put("organization_type", "Startup")));
        cases.add(new InvalidCase(
                "sustainability_score: must be less than or equal to 100",
                body -> body.put("sustainability_score", 101)));
        cases.add(new InvalidCase(
                "sustainability_score: must be an integer", body -> body.put("sustainability_score", 50.5)));
        cases.add(new InvalidCase(
                "sustainability_score: must be an integer", body -> body.put("sustainability_score", "50")));
        cases.add(new InvalidCase(
                "regulatory_compliance.status: must not be null",
                body -> ((ObjectNode) body.get("regulatory_compliance")).remove("status")));
        cases.add(new InvalidCase(
                "regulatory_compliance.requirements[0]: must not be blank",
                body -> ((ObjectNode) body.get("regulatory_compliance"))
                        .putArray("requirements")
                        .add(" ")));
        cases.add(new InvalidCase(
                "procurement_cycle.estimated_duration: must be greater than or equal to 1",
                body -> ((ObjectNode) body.get("procurement_cycle")).put("estimated_duration", 0)));
        cases.add(new InvalidCase(
                "procurement_cycle.estimated_duration: must be less than or equal to 3650",
                body -> ((ObjectNode) body.get("procurement_cycle")).put("estimated_duration", 3651)));
        cases.add(new InvalidCase(
                "procurement_cycle.stage: size must be between 0 and 50",
                body -> ((ObjectNode) body.get("procurement_cycle")).put("stage", "s".repeat(51))));
        cases.add(
                new InvalidCase("deal_value: must be greater than or equal to 0", body -> body.put("deal_value", -1)));
        cases.add(new InvalidCase(
                "source.channel: must be one of ABM, SEO, PPC, EMAIL, EVENT, REFERRAL, DIRECT, OTHER",
                body -> ((ObjectNode) body.get("source")).put("channel", "TV")));
        cases.add(new InvalidCase(
                "source.campaign: size must be between 0 and 200",
                body -> ((ObjectNode) body.get("source")).put("campaign", "c".repeat(201))));
        cases.add(new InvalidCase("nickname: unknown field", body -> body.put("nickname", "Amazing Grace")));

        for (InvalidCase invalid : cases) {
            ObjectNode body = validLead(randomEmail());
            invalid.change().accept(body);
            long eventsBefore = storedEventCount();

            HttpResponse<String> response = post("/leads", body);

            assertThat(response.statusCode()).as(invalid.expectedError()).isEqualTo(400);
            JsonNode error = bodyOf(response).get("error");
            assertThat(error.get("code").asText()).as(invalid.expectedError()).isEqualTo("VALIDATION_FAILED");
            assertThat(validationErrors(error)).as(response.body()).contains(invalid.expectedError());
            assertThat(storedEventCount()).as(invalid.expectedError()).isEqualTo(eventsBefore);
        }
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        ObjectNode body = validLead(randomEmail());
        body.put("sustainability_score", 150);
        body.put("email", "broken");
        body.put("organization_type", "Startup");
        body.put("extra", true);
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = bodyOf(response).get("error");
        assertThat(error.get("message").asText()).isEqualTo("The request body has 4 invalid fields.");
        assertThat(validationErrors(error))
                .containsExactlyInAnyOrder(
                        "extra: unknown field",
                        "organization_type: must be one of Investor, Government, Corporate, NGO",
                        "email: must be a well-formed email address",
                        "sustainability_score: must be less than or equal to 100");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void rejectsMalformedJson() {
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads", "{\"name\": \"Grace\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void rejectsDuplicatedJsonKey() {
        String body = toJson(validLead(randomEmail())).replaceFirst("\\{", "{\"name\": \"First\", ");

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void rejectsBodyThatIsNotAnObject() {
        HttpResponse<String> response = post("/leads", "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void rejectsWrongContentType() {
        long eventsBefore = storedEventCount();

        HttpResponse<String> response =
                send("POST", "/leads", "text/plain", toJson(validLead(randomEmail())), caller, Map.of());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void rejectsOversizedBody() {
        ObjectNode body = validLead(randomEmail());
        body.put("name", "n".repeat(20 * 1024));
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void rejectsWrongMethod() {
        HttpResponse<String> response = send("DELETE", "/leads", null, null, caller, Map.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void rejectsRequestWithoutToken() {
        HttpResponse<String> response =
                send("POST", "/leads", "application/json", toJson(validLead(randomEmail())), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void acceptsTrailingSlash() {
        HttpResponse<String> response = post("/leads/", validLead(randomEmail()));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    private UUID createLeadWithRequestId(String requestId) {
        HttpResponse<String> response = send(
                "POST",
                "/leads",
                "application/json",
                toJson(validLead(randomEmail())),
                caller,
                Map.of("X-Request-Id", requestId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(bodyOf(response).get("id").asText());
    }

    private JsonNode bodyOfJson(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private record InvalidCase(String expectedError, Consumer<ObjectNode> change) {}

    private static List<String> validationErrors(JsonNode error) {
        List<String> errors = new ArrayList<>();
        error.at("/details/validation_errors").forEach(node -> errors.add(node.asText()));
        return errors;
    }
}
