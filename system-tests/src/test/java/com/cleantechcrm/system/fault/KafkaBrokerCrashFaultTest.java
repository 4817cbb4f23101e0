package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaBrokerCrashFaultTest {

    @Test
    void brokerKilledMidBurstLosesAndDoublesNothing() throws Exception {
        FaultSystem system = FaultSystem.get();
        WriteBurst burst = WriteBurst.start(system.client(), 4);
        try {
            burst.awaitMoreAcknowledged(60, Duration.ofSeconds(60));
            system.broker().kill();
            // Writes only need the event store, so they go on while the broker is down.
            burst.awaitMoreAcknowledged(60, Duration.ofSeconds(60));
            system.broker().start();
            burst.awaitMoreAcknowledged(60, Duration.ofSeconds(60));
        } finally {
            burst.close();
        }

        assertThat(burst.failed()).as("writes that failed").isEmpty();
        system.consistency().assertConvergesWithin(Duration.ofSeconds(120));
        system.consistency().assertStored(burst.acknowledged());
    }
}
