package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.Leads;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentWritersFaultTest {

    private static final int WRITERS = 20;
    private static final int WRITES_PER_WRITER = 5;

    /** One change of the deal value and what the API returned for it. */
    private record Write(int dealValue, Response response) {}

    @Test
    void twentyWritersOnOneLeadKeepEveryUpdate() throws Exception {
        FaultSystem system = FaultSystem.get();
        ApiClient client = system.client();
        Response created = client.post("/leads", ApiClient.json(Leads.valid()));
        assertThat(created.status()).isEqualTo(201);
        UUID leadId = UUID.fromString(created.body().path("id").asText());

        List<Write> writes = writeConcurrently(client, leadId);

        List<Write> unexpected = writes.stream()
                .filter(write -> write.response().status() != 200 && !isRetryable(write.response()))
                .toList();
        assertThat(unexpected)
                .as("writes answered with neither 200, 409 CONFLICT nor 503")
                .isEmpty();
        List<Write> accepted = writes.stream()
                .filter(write -> write.response().status() == 200)
                .toList();
        Set<Long> versions = new HashSet<>();
        Write last = null;
        for (Write write : accepted) {
            long version = write.response().body().path("version").asLong();
            assertThat(versions.add(version))
                    .as("version %s returned twice", version)
                    .isTrue();
            if (last == null || version > last.response().body().path("version").asLong()) {
                last = write;
            }
        }
        assertThat(versions).as("versions of the accepted writes").hasSize(accepted.size());
        assertThat(Collections.min(versions)).isEqualTo(1);
        assertThat(Collections.max(versions)).isEqualTo(accepted.size());

        EventStoreLeads.Lead stored = system.consistency().storedLead(leadId);
        assertThat(stored.lastSequence).as("last stored sequence").isEqualTo(accepted.size());
        assertThat(stored.eventCount).as("stored events").isEqualTo(accepted.size() + 1);
        assertThat(stored.dealValue).isEqualByComparingTo(BigDecimal.valueOf(last.dealValue()));
        assertThat(stored.dealValueChanges.stream()
                        .map(value -> value.stripTrailingZeros().toPlainString()))
                .as("stored deal values: each accepted write once, no rejected one")
                .containsExactlyInAnyOrderElementsOf(accepted.stream()
                        .map(write -> Integer.toString(write.dealValue()))
                        .toList());
        system.consistency().assertConvergesWithin(Duration.ofSeconds(60));
        Response read = client.get("/leads/" + leadId);
        assertThat(read.body().path("deal_value").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(last.dealValue()));
    }

    private static List<Write> writeConcurrently(ApiClient client, UUID leadId) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Write>>> results = new ArrayList<>();
        try {
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = (writer + 1) * 1000;
                results.add(writers.submit(() -> {
                    start.await();
                    List<Write> own = new ArrayList<>();
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        int dealValue = first + i;
                        own.add(new Write(
                                dealValue,
                                client.put(
                                        "/leads/" + leadId + "/deal-value",
                                        ApiClient.json(Map.of("deal_value", dealValue)))));
                    }
                    return own;
                }));
            }
            start.countDown();
            List<Write> all = new ArrayList<>();
            for (Future<List<Write>> result : results) {
                all.addAll(result.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            writers.shutdownNow();
        }
    }

    /**
     * Returns whether the write was rejected with an answer that asks the client to retry: {@code 409 CONFLICT} when
     * another instance of the command service appended first, or {@code 503} when the writer waited longer than
     * the connection timeout for a database connection, which the writers queued on the lead's lock hold.
     */
    private static boolean isRetryable(Response response) {
        boolean conflict = response.status() == 409
                && "CONFLICT".equals(response.errorCode())
                && response.body().path("error").path("message").asText().contains("Retry");
        boolean busy = response.status() == 503 && "SERVICE_UNAVAILABLE".equals(response.errorCode());
        return conflict || busy;
    }
}
