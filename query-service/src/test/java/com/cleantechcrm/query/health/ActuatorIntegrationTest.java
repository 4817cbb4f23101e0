package com.cleantechcrm.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ActuatorIntegrationTest extends QueryServiceIntegrationTest {

    @Test
    void readinessIncludesDatabaseAndKafka() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health/readiness", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("kafka").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusShowsEventCounters() {
        LeadEventStream lead = new LeadEventStream(newOrganization());
        publish(lead.created("10"));
        awaitApplied(lead);

        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("crm_query_events_total{outcome=\"applied\"");
        assertThat(response.getBody()).contains("crm_query_events_total{outcome=\"skipped\"");
        assertThat(response.getBody()).contains("crm_query_events_total{outcome=\"dead_lettered\"");
    }
}
