package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadWriteEndpointsTest extends CommandServiceIntegrationTest {

    @Test
    void updatesComplianceAndReturnsVersion() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = put(
                "/leads/" + leadId + "/compliance",
                Map.of("status", "approved", "requirements", List.of(" permit "), "note", "granted"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bodyOf(response).get("lead_id").asText()).isEqualTo(leadId.toString());
        assertThat(bodyOf(response).get("version").asLong()).isEqualTo(1);
        String payload = storedPayload(leadId, 1);
        assertThat(payload).contains("\"requirements\":[\"permit\"]").contains("\"status\":\"approved\"");
    }

    @Test
    void updatesProcurement() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response =
                put("/leads/" + leadId + "/procurement", Map.of("estimated_duration", 365, "stage", "negotiation"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bodyOf(response).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void changesDealValue() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = put("/leads/" + leadId + "/deal-value", "{\"deal_value\": 2000000.25}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedPayload(leadId, 1)).contains("\"deal_value\":2000000.25");
    }

    @Test
    void rejectsDealValueWithThreeFractionDigits() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = put("/leads/" + leadId + "/deal-value", "{\"deal_value\": 1.005}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void movesThroughLifecycleAndCountsVersions() {
        ObjectNode body = validLead(randomEmail());
        UUID leadId = createLead(body);

        HttpResponse<String> mql = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "MQL"));
        HttpResponse<String> won = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "WON", "reason", "signed"));

        assertThat(bodyOf(mql).get("version").asLong()).isEqualTo(1);
        assertThat(bodyOf(won).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsLifecycleMoveOutOfLostWithConflict() {
        UUID leadId = createLead(validLead(randomEmail()));
        post("/leads/" + leadId + "/lifecycle", Map.of("stage", "LOST"));
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "SQL"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("CONFLICT");
        assertThat(bodyOf(response).at("/error/message").asText())
                .isEqualTo("Lead " + leadId + " is LOST and cannot move to SQL because LOST is a final stage.");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void rejectsSqlWhenGovernmentComplianceIsPending() {
        ObjectNode body = validLead(randomEmail());
        body.put("organization_type", "Government");
        UUID leadId = createLead(body);

        HttpResponse<String> response = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "SQL"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(bodyOf(response).at("/error/message").asText())
                .contains("Government")
                .contains("approved");
    }

    @Test
    void rejectsUnknownLifecycleStage() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "CLOSED"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/details/validation_errors/0").asText())
                .isEqualTo("stage: must be one of LEAD, MQL, SQL, WON, LOST");
    }

    @Test
    void appliesPlaybook() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = post("/leads/" + leadId + "/playbook", playbook());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedPayload(leadId, 1)).contains("\"strategy_type\":\"Channel Launch\"");
    }

    @Test
    void rejectsPlaybookWithoutFocusAreas() {
        UUID leadId = createLead(validLead(randomEmail()));
        Map<String, Object> body = Map.of(
                "playbook_id", "pb-1",
                "strategy", Map.of("type", "Channel Launch", "focus_areas", List.of()),
                "implementation_plan", Map.of("timeline", "Q3"));

        HttpResponse<String> response = post("/leads/" + leadId + "/playbook", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/details/validation_errors/0").asText())
                .isEqualTo("strategy.focus_areas: size must be between 1 and 20");
    }

    @Test
    void reportsLeadOfAnotherOrganisationAsNotFound() {
        UUID leadId = createLead(validLead(randomEmail()));
        caller = newCaller();
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "MQL"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(bodyOf(response).at("/error/message").asText()).isEqualTo("Lead " + leadId + " was not found.");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void reportsMissingLeadAsNotFound() {
        UUID leadId = UUID.randomUUID();

        HttpResponse<String> response =
                put("/leads/" + leadId + "/procurement", Map.of("estimated_duration", 30, "stage", "rfp"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(bodyOf(response).at("/error/message").asText()).isEqualTo("Lead " + leadId + " was not found.");
    }

    @Test
    void reportsMalformedLeadIdAsNotFound() {
        HttpResponse<String> response = post("/leads/not-a-uuid/lifecycle", Map.of("stage", "MQL"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }

    private Map<String, Object> playbook() {
        return Map.of(
                "playbook_id", "pb-offshore-1",
                "strategy", Map.of("type", "Channel Launch", "focus_areas", List.of("port authorities")),
                "implementation_plan", Map.of("timeline", "Q3 2027", "resources", List.of("solutions engineer")));
    }

    private String storedPayload(UUID leadId, long sequenceNumber) {
        return jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = ?",
                String.class,
                leadId.toString(),
                sequenceNumber);
    }
}
