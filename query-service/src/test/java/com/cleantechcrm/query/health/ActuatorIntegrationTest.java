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

    @Test
    void prometheusShowsProjectionLagAndConsumerLag() {
        double before = sampleValue(scrape(), "crm_query_projection_lag_seconds_count");
        LeadEventStream lead = new LeadEventStream(newOrganization());
        publish(lead.created("10"));
        awaitApplied(lead);

        String metrics = scrape();

        assertThat(metrics).contains("crm_query_projection_lag_seconds_bucket{");
        assertThat(sampleValue(metrics, "crm_query_projection_lag_seconds_count"))
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max{");
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*} [1-9]");
    }

    @Test
    void prometheusShowsRequestLatencyHistogram() {
        get("/leads?limit=1", newOrganization());

        String metrics = scrape();

        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/leads\"");
    }

    @Test
    void livenessIsUp() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health/liveness", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }

    private String scrape() {
        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Returns the value of the first sample whose name is {@code name}, or 0 when there is none. */
    private static double sampleValue(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }
}
