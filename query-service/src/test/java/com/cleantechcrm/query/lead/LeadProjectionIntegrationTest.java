package com.cleantechcrm.query.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class LeadProjectionIntegrationTest extends QueryServiceIntegrationTest {

    @Test
    void leadCreatedBecomesLeadView() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created =
                lead.created("Grace Hopper", OrganizationType.INVESTOR, ComplianceStatus.APPROVED, 365, "250000.50");
        publish(created);
        awaitApplied(lead);

        ResponseEntity<JsonNode> response = get("/leads/" + lead.leadId(), org);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.path("id").asText()).isEqualTo(lead.leadId().toString());
        assertThat(body.path("name").asText()).isEqualTo("Grace Hopper");
        assertThat(body.path("email").asText()).isEqualTo("grace.hopper@example.com");
        assertThat(body.path("company").asText()).isEqualTo("Grace Hopper Energy");
        assertThat(body.path("organization_type").asText()).isEqualTo("Investor");
        assertThat(body.path("sustainability_score").asInt()).isEqualTo(70);
        assertThat(body.path("regulatory_compliance").path("status").asText()).isEqualTo("approved");
        assertThat(body.path("regulatory_compliance")
                        .path("requirements")
                        .get(0)
                        .asText())
                .isEqualTo("grid permit");
        assertThat(body.path("procurement_cycle").path("estimated_duration").asInt())
                .isEqualTo(365);
        assertThat(body.path("procurement_cycle").path("stage").asText()).isEqualTo("tender");
        assertThat(body.path("deal_value").decimalValue()).isEqualByComparingTo("250000.50");
        assertThat(body.path("source").path("channel").asText()).isEqualTo("ABM");
        assertThat(body.path("source").path("campaign").asText()).isEqualTo("spring-campaign");
        assertThat(body.path("lifecycle_stage").asText()).isEqualTo("LEAD");
        assertThat(body.path("created_at").asText())
                .isEqualTo(created.occurredAt().toString());
        assertThat(body.path("updated_at").asText())
                .isEqualTo(created.occurredAt().toString());
        assertThat(body.path("version").asLong()).isZero();
        assertThat(body.path("playbooks").isArray()).isTrue();
        assertThat(body.path("playbooks")).isEmpty();
        assertThat(body.path("lead_score").asInt()).isBetween(1, 100);
    }

    @Test
    void laterEventsUpdateLeadView() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        publish(lead.created("1000"));
        awaitApplied(lead);
        int scoreBefore =
                get("/leads/" + lead.leadId(), org).getBody().path("lead_score").asInt();

        publish(
                lead.complianceUpdated(ComplianceStatus.APPROVED),
                lead.procurementUpdated(30, "contract"),
                lead.stageChanged(LifecycleStage.MQL),
                lead.dealValueChanged("5000000.00"));
        LeadEventEnvelope playbook = lead.playbookApplied("pb-solar");
        publish(playbook);
        awaitApplied(lead);

        JsonNode body = get("/leads/" + lead.leadId(), org).getBody();
        assertThat(body.path("regulatory_compliance").path("status").asText()).isEqualTo("approved");
        assertThat(body.path("regulatory_compliance").path("requirements")).hasSize(2);
        assertThat(body.path("procurement_cycle").path("estimated_duration").asInt())
                .isEqualTo(30);
        assertThat(body.path("procurement_cycle").path("stage").asText()).isEqualTo("contract");
        assertThat(body.path("lifecycle_stage").asText()).isEqualTo("MQL");
        assertThat(body.path("deal_value").decimalValue()).isEqualByComparingTo("5000000.00");
        assertThat(body.path("version").asLong()).isEqualTo(5);
        assertThat(body.path("updated_at").asText())
                .isEqualTo(playbook.occurredAt().toString());
        assertThat(body.path("lead_score").asInt()).isGreaterThan(scoreBefore);

        JsonNode applied = body.path("playbooks").get(0);
        assertThat(applied.path("playbook_id").asText()).isEqualTo("pb-solar");
        assertThat(applied.path("strategy").path("type").asText()).isEqualTo("Channel Launch");
        assertThat(applied.path("strategy").path("focus_areas").get(1).asText()).isEqualTo("storage");
        assertThat(applied.path("implementation_plan").path("timeline").asText())
                .isEqualTo("Q3");
        assertThat(applied.path("implementation_plan").path("resources").get(0).asText())
                .isEqualTo("sales engineer");
        assertThat(applied.path("applied_at").asText())
                .isEqualTo(playbook.occurredAt().toString());
    }

    @Test
    void historyListsEventsInSequenceOrder() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created = lead.created("1000");
        LeadEventEnvelope deal = lead.dealValueChanged("2000.10");
        publish(created, deal);
        awaitApplied(lead);

        ResponseEntity<JsonNode> response = get("/leads/" + lead.leadId() + "/history", org);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.path("lead_id").asText()).isEqualTo(lead.leadId().toString());
        JsonNode events = body.path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("type").asText()).isEqualTo("LeadCreated");
        assertThat(events.get(0).path("sequence_number").asLong()).isZero();
        assertThat(events.get(0).path("occurred_at").asText())
                .isEqualTo(created.occurredAt().toString());
        assertThat(events.get(0).path("api_key_id").asText()).isEqualTo(created.apiKeyId());
        assertThat(events.get(0).path("request_id").asText()).isEqualTo(created.requestId());
        assertThat(events.get(0).path("payload").path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(events.get(1).path("type").asText()).isEqualTo("DealValueChanged");
        assertThat(events.get(1).path("sequence_number").asLong()).isEqualTo(1);
        assertThat(events.get(1).path("payload").path("deal_value").decimalValue())
                .isEqualByComparingTo("2000.10");
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created = lead.created("1000");
        LeadEventEnvelope playbook = lead.playbookApplied("pb-once");
        publish(created, playbook);
        awaitApplied(lead);

        publish(playbook, created);
        // A later event of the same lead follows the duplicates in its partition, so once it is applied the
        // duplicates have been consumed.
        publish(lead.procurementUpdated(90, "negotiation"));
        awaitApplied(lead);

        JsonNode body = get("/leads/" + lead.leadId(), org).getBody();
        assertThat(body.path("playbooks")).hasSize(1);
        assertThat(body.path("version").asLong()).isEqualTo(2);
        assertThat(get("/leads/" + lead.leadId() + "/history", org).getBody().path("events"))
                .hasSize(3);
    }

    @Test
    void alreadyAppliedOlderEventIsSkipped() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created = lead.created("1000");
        LeadEventEnvelope first = lead.dealValueChanged("2000");
        LeadEventEnvelope second = lead.dealValueChanged("3000");
        publish(created, first, second);
        awaitApplied(lead);

        publish(first);
        publish(lead.procurementUpdated(60, "shortlist"));
        awaitApplied(lead);

        JsonNode body = get("/leads/" + lead.leadId(), org).getBody();
        assertThat(body.path("deal_value").decimalValue()).isEqualByComparingTo("3000");
        assertThat(body.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void minPositionWaitsForVersion() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        publish(lead.created("1000"), lead.dealValueChanged("2000"), lead.dealValueChanged("3000"));

        HttpHeaders headers = authorized(org, ALL_SCOPES);
        headers.set("X-Min-Position", "2");
        ResponseEntity<JsonNode> view =
                http.exchange("/leads/" + lead.leadId(), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        ResponseEntity<JsonNode> history = get("/leads/" + lead.leadId() + "/history?min_position=2", org);

        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view.getBody().path("version").asLong()).isEqualTo(2);
        assertThat(view.getBody().path("deal_value").decimalValue()).isEqualByComparingTo("3000");
        assertThat(history.getBody().path("events")).hasSize(3);
    }

    @Test
    void invalidMinPositionIsRejected() {
        ResponseEntity<JsonNode> response = get("/leads/" + UUID.randomUUID() + "?min_position=-1", newOrganization());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void otherOrganizationsLeadIsNotFound() {
        UUID owner = newOrganization();
        LeadEventStream lead = new LeadEventStream(owner);
        publish(lead.created("1000"));
        awaitApplied(lead);
        UUID stranger = newOrganization();

        ResponseEntity<JsonNode> view = get("/leads/" + lead.leadId(), stranger);
        ResponseEntity<JsonNode> history = get("/leads/" + lead.leadId() + "/history", stranger);

        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(view.getBody().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/leads/" + lead.leadId(), owner).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void malformedLeadIdIsNotFound() {
        ResponseEntity<JsonNode> response = get("/leads/not-a-uuid", newOrganization());
        ResponseEntity<JsonNode> history = get("/leads/1-1-1-1-1/history", newOrganization());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        ResponseEntity<JsonNode> response =
                http.exchange("/leads/" + UUID.randomUUID(), HttpMethod.GET, HttpEntity.EMPTY, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void tokenWithoutReadScopeIsForbidden() {
        ResponseEntity<JsonNode> response = get("/leads", newOrganization(), Set.of("stats:read"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
