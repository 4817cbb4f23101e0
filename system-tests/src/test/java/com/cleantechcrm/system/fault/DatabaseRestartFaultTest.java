package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.Leads;
import com.cleantechcrm.system.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DatabaseRestartFaultTest {

    /** Maximum time a request may take while the database is down: HikariCP's 3 s connection timeout plus slack. */
    private static final Duration MAX_RESPONSE_TIME = Duration.ofSeconds(12);

    /** A request sent while the database was down, with what came back and how long it took. */
    private record Probe(String request, int status, String errorCode, boolean hasRequestId, long millis) {}

    @Test
    void databaseRestartAnswers503ThenRecoversAlone() throws Exception {
        FaultSystem system = FaultSystem.get();
        ApiClient client = system.client();
        String leadPath = "/leads/"
                + client.post("/leads", ApiClient.json(Leads.valid()))
                        .body()
                        .path("id")
                        .asText();
        List<Probe> probes = new ArrayList<>();
        WriteBurst burst = WriteBurst.start(client, 3);
        try {
            burst.awaitMoreAcknowledged(40, Duration.ofSeconds(60));
            system.postgres().crash();
            Instant downUntil = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(downUntil)) {
                probes.add(probe("POST /leads", () -> client.post("/leads", ApiClient.json(Leads.valid()))));
                probes.add(probe("GET " + leadPath, () -> client.get(leadPath)));
                probes.add(probe("GET /leads/stats/growth", () -> client.get("/leads/stats/growth")));
            }
            system.postgres().start();
            // No service is restarted: each must reconnect by itself.
            burst.awaitMoreAcknowledged(40, Duration.ofSeconds(120));
        } finally {
            burst.close();
        }

        assertThat(probes).as("requests sent while the database was down").isNotEmpty();
        for (Probe probe : probes) {
            assertThat(probe.status()).as("status of %s", probe).isEqualTo(503);
            assertThat(probe.errorCode()).as("error code of %s", probe).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(probe.hasRequestId()).as("request id of %s", probe).isTrue();
            assertThat(probe.millis()).as("milliseconds of %s", probe).isLessThan(MAX_RESPONSE_TIME.toMillis());
        }
        for (WriteBurst.Failed failure : burst.failed()) {
            assertThat(failure.status()).as("status of %s", failure).isEqualTo(503);
            assertThat(failure.errorCode()).as("error code of %s", failure).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(failure.millis()).as("milliseconds of %s", failure).isLessThan(MAX_RESPONSE_TIME.toMillis());
        }
        for (ServiceProcess service : system.services().services()) {
            service.awaitReady(Duration.ofSeconds(60));
        }
        system.consistency().assertConvergesWithin(Duration.ofSeconds(120));
        system.consistency().assertStored(burst.acknowledged());
    }

    private static Probe probe(String request, Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        boolean hasRequestId = !response.body()
                .path("error")
                .path("details")
                .path("request_id")
                .asText()
                .isEmpty();
        return new Probe(request, response.status(), response.errorCode(), hasRequestId, millis);
    }
}
