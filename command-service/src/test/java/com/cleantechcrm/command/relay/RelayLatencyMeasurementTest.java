package com.cleantechcrm.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * Measures the relay's latency: the time from the return of a write request to the arrival of its event at a Kafka
 * consumer. It creates leads one after another and changes each one's lifecycle stage. It waits for each event before
 * the next request, so no request wakes the relay for an earlier one. It also pauses a random 0-1000 ms before each
 * request, so the requests do not keep one phase against a polling period of the relay.
 *
 * <p>It is a measurement, not a check, so it runs only when the number of leads is given:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am test -Dtest=RelayLatencyMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcrm.relay.latency.leads=40
 * </pre>
 *
 * <p>It logs min, median, p95 and max per event type. It asserts only that every event arrived.
 */
@EnabledIfSystemProperty(named = RelayLatencyMeasurementTest.LEADS_PROPERTY, matches = "\\d+")
class RelayLatencyMeasurementTest extends CommandServiceIntegrationTest {

    static final String LEADS_PROPERTY = "crm.relay.latency.leads";

    private static final Logger log = LoggerFactory.getLogger(RelayLatencyMeasurementTest.class);

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void measuresWriteToKafkaLatency() throws Exception {
        int leads = Integer.parseInt(System.getProperty(LEADS_PROPERTY));
        List<Duration> createLatencies = new ArrayList<>();
        List<Duration> updateLatencies = new ArrayList<>();

        // The first lead creates the topic if needed and warms up the producer. Its latency is not counted.
        UUID warmUpLead = createLead(validLead(randomEmail()));
        try (RecordArrivals arrivals = RecordArrivals.start(brokers)) {
            arrivals.await(warmUpLead, 0, EVENT_TIMEOUT);
            for (int i = 0; i < leads; i++) {
                pauseRandomly();
                UUID leadId = createLead(validLead(randomEmail()));
                long created = System.nanoTime();
                createLatencies.add(Duration.ofNanos(arrivals.await(leadId, 0, EVENT_TIMEOUT) - created));

                pauseRandomly();
                int status = post("/leads/" + leadId + "/lifecycle", Map.of("stage", "MQL"))
                        .statusCode();
                long updated = System.nanoTime();
                assertThat(status).isEqualTo(200);
                updateLatencies.add(Duration.ofNanos(arrivals.await(leadId, 1, EVENT_TIMEOUT) - updated));
            }
        }

        log.info("Relay latency of LeadCreated, {} events: {}", leads, LatencySummary.of(createLatencies));
        log.info("Relay latency of LifecycleStageChanged, {} events: {}", leads, LatencySummary.of(updateLatencies));
        assertThat(createLatencies).hasSize(leads);
        assertThat(updateLatencies).hasSize(leads);
    }

    private static void pauseRandomly() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
    }
}
