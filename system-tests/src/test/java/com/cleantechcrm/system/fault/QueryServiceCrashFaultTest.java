package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.ServiceProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryServiceCrashFaultTest {

    @Test
    void queryServiceKilledMidStreamResumesAndConverges() throws Exception {
        FaultSystem system = FaultSystem.get();
        ServiceProcess query = system.services().query();
        WriteBurst burst = WriteBurst.start(system.client(), 4);
        Response readWhileDown;
        try {
            burst.awaitMoreAcknowledged(60, Duration.ofSeconds(60));
            query.kill();
            readWhileDown = system.client().get("/leads/stats/growth");
            // The events written now wait in Kafka for the restarted consumer.
            burst.awaitMoreAcknowledged(60, Duration.ofSeconds(60));
            query.restart(Duration.ofSeconds(300));
            burst.awaitMoreAcknowledged(30, Duration.ofSeconds(60));
        } finally {
            burst.close();
        }

        assertThat(readWhileDown.status()).isEqualTo(503);
        assertThat(readWhileDown.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(burst.failed()).as("writes that failed").isEmpty();
        system.consistency().assertConvergesWithin(Duration.ofSeconds(120));
        system.consistency().assertStored(burst.acknowledged());
    }
}
