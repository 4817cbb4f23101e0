package com.cleantechcrm.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.query.consumer.LeadEventApplier;
import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ReadModelRebuildIntegrationTest extends QueryServiceIntegrationTest {

    private static final Set<String> ADMIN = Set.of("admin");

    @Autowired
    private LeadEventApplier applier;

    @Test
    void rebuiltReadModelsEqualLiveOnes() {
        UUID org = newOrganization();
        Instant now = Instant.now();
        LeadEventStream won = new LeadEventStream(org).at(now.minus(Duration.ofDays(50)));
        LeadEventStream open = new LeadEventStream(org).at(now.minus(Duration.ofDays(3)));
        publish(won.created("120000.75"), won.stageChanged(LifecycleStage.SQL));
        publish(won.complianceUpdated(ComplianceStatus.APPROVED), won.playbookApplied("pb-1"));
        publish(won.at(now.minus(Duration.ofDays(5))).stageChanged(LifecycleStage.WON));
        publish(open.created("800"), open.dealValueChanged("950.10"), open.procurementUpdated(45, "pilot"));
        awaitApplied(won);
        awaitApplied(open);
        awaitConsumerCaughtUp();
        Map<String, List<String>> live = snapshot();
        JsonNode liveStats = get("/leads/stats/growth?period_days=30", org).getBody();

        ResponseEntity<JsonNode> started = post("/admin/read-models/rebuild", org, ADMIN);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/admin/read-models/rebuild/status");
        String rebuildId = started.getBody().path("rebuild_id").asText();
        assertThat(started.getBody().path("state").asText()).isEqualTo("RUNNING");

        JsonNode finished = awaitCompleted(org);
        assertThat(finished.path("rebuild_id").asText()).isEqualTo(rebuildId);
        assertThat(finished.path("events_applied").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(finished.path("finished_at").asText()).isNotBlank();

        Map<String, List<String>> rebuilt = snapshot();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isNotEmpty();
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        JsonNode rebuiltStats = get("/leads/stats/growth?period_days=30", org).getBody();
        assertThat(rebuiltStats.path("pipeline_value")).isEqualTo(liveStats.path("pipeline_value"));
        assertThat(rebuiltStats.path("conversion_rates")).isEqualTo(liveStats.path("conversion_rates"));
    }

    @Test
    void rebuildNeedsAdminScope() {
        ResponseEntity<JsonNode> response =
                post("/admin/read-models/rebuild", newOrganization(), Set.of("leads:read", "leads:write"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
    }

    private JsonNode awaitCompleted(UUID org) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get("/admin/read-models/rebuild/status", org, ADMIN)
                                .getBody(),
                        status -> "COMPLETED".equals(status.path("state").asText()));
    }

    /** Reads every row of every read-model table, each row as text, sorted so that row order does not matter. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : applier.readModelTables()) {
            List<String> rows = jdbc.sql("select * from " + table).query().listOfRows().stream()
                    .map(Object::toString)
                    .sorted(Comparator.naturalOrder())
                    .toList();
            tables.put(table, rows);
        }
        return tables;
    }
}
