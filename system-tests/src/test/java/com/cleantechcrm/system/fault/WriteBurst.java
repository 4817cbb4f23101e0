package com.cleantechcrm.system.fault;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.Leads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Writers that create leads through the gateway and change each one a few times, until stopped, and record every
 * write the API acknowledged with its lead id and event version. A write that fails is not retried: the writer moves
 * on to a new lead, so that the acknowledged writes of one lead always form a prefix of its events.
 */
final class WriteBurst implements AutoCloseable {

    /** A write the API answered with 2xx: the event of {@code version} of lead {@code leadId} is stored. */
    record Acknowledged(UUID leadId, long version) {}

    /** A write that failed, with the status, or -1 when no response came. */
    record Failed(String request, int status, String errorCode, long millis) {}

    private final ApiClient client;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failed> failed = new ConcurrentLinkedQueue<>();
    private final List<Thread> writers;

    private WriteBurst(ApiClient client, int threads) {
        this.client = client;
        this.writers = IntStream.range(0, threads)
                .mapToObj(i -> new Thread(this::write, "write-burst-" + i))
                .toList();
    }

    static WriteBurst start(ApiClient client, int threads) {
        WriteBurst burst = new WriteBurst(client, threads);
        burst.writers.forEach(Thread::start);
        return burst;
    }

    /** Waits until {@code more} writes beyond those acknowledged so far are acknowledged. */
    void awaitMoreAcknowledged(int more, Duration timeout) throws InterruptedException {
        int target = acknowledged.size() + more;
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < target) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Only " + acknowledged.size() + " of " + target
                        + " writes were acknowledged within " + timeout + "; failures: " + failed);
            }
            Thread.sleep(20);
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Failed> failed() {
        return List.copyOf(failed);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(60_000);
        }
    }

    private void write() {
        while (running.get()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Response created = send(
                    "POST /leads",
                    () -> client.post(
                            "/leads",
                            ApiClient.json(Leads.with(Leads.valid(), "deal_value", random.nextInt(1, 100_000))),
                            "Idempotency-Key",
                            UUID.randomUUID().toString()));
            if (created == null) {
                continue;
            }
            UUID leadId = UUID.fromString(created.body().path("id").asText());
            acknowledged.add(new Acknowledged(leadId, 0));
            String lead = "/leads/" + leadId;
            // The stage changes first, because a lead whose compliance is rejected cannot advance.
            List<Runnable> changes = List.of(
                    () -> change(
                            leadId,
                            "POST lifecycle",
                            () -> client.post(
                                    lead + "/lifecycle",
                                    ApiClient.json(Map.of("stage", random.nextBoolean() ? "MQL" : "LOST")))),
                    () -> change(
                            leadId,
                            "PUT compliance",
                            () -> client.put(
                                    lead + "/compliance",
                                    ApiClient.json(Map.of(
                                            "status",
                                            List.of("approved", "rejected", "pending")
                                                    .get(random.nextInt(3)),
                                            "requirements",
                                            List.of())))),
                    () -> change(
                            leadId,
                            "PUT deal-value",
                            () -> client.put(
                                    lead + "/deal-value",
                                    ApiClient.json(Map.of("deal_value", random.nextInt(1, 100_000))))));
            for (Runnable change : changes) {
                if (!running.get()) {
                    return;
                }
                change.run();
            }
        }
    }

    private void change(UUID leadId, String request, Supplier<Response> call) {
        Response response = send(request, call);
        if (response != null) {
            acknowledged.add(
                    new Acknowledged(leadId, response.body().path("version").asLong()));
        }
    }

    /** Sends one request and returns its response if it succeeded, or records the failure and returns null. */
    private Response send(String request, Supplier<Response> call) {
        long start = System.nanoTime();
        try {
            Response response = call.get();
            if (response.status() / 100 == 2) {
                return response;
            }
            failed.add(new Failed(request, response.status(), response.errorCode(), millisSince(start)));
        } catch (RuntimeException e) {
            failed.add(new Failed(request + " (" + e + ")", -1, null, millisSince(start)));
        }
        return null;
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
