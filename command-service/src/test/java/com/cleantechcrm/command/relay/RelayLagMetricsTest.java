package com.cleantechcrm.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stops the relay's processor, stores events, and checks that both lag gauges grow and then return to zero. */
class RelayLagMetricsTest extends CommandServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void lagGrowsWhileRelayStopsAndClearsAfter() throws Exception {
        EventProcessor relay =
                processing.eventProcessor(LeadEventRelay.PROCESSING_GROUP).orElseThrow();
        await().atMost(TIMEOUT).until(() -> eventsBehind() == 0);

        relay.shutDown();
        try {
            createLead(validLead(randomEmail()));
            createLead(validLead(randomEmail()));
            Thread.sleep(1_200);

            assertThat(eventsBehind()).isGreaterThanOrEqualTo(2);
            assertThat(secondsBehind()).isGreaterThanOrEqualTo(1.0);
        } finally {
            relay.start();
        }

        await().atMost(TIMEOUT).until(() -> eventsBehind() == 0);
        assertThat(secondsBehind()).isZero();
    }

    private double eventsBehind() {
        return registry.get("crm.relay.lag.events")
                .tag("processor", "kafka-relay")
                .gauge()
                .value();
    }

    private double secondsBehind() {
        return registry.get("crm.relay.lag.seconds")
                .tag("processor", "kafka-relay")
                .gauge()
                .value();
    }
}
