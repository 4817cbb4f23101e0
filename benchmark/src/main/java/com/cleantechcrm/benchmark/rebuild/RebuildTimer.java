package com.cleantechcrm.benchmark.rebuild;

import com.cleantechcrm.benchmark.load.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts a rebuild of every read model through the gateway and follows its status until it completes, fails or runs
 * out of time. The rate is the query service's own count of consumed events (applied, skipped and dead-lettered)
 * divided by the time between its {@code started_at} and {@code finished_at}, or until the last status read when the
 * rebuild did not finish in time.
 */
public final class RebuildTimer {

    private final ObjectMapper json = new ObjectMapper();
    private final GatewayClient gateway;

    public RebuildTimer(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public RebuildResult run(long eventsInTopic, Duration limit) throws IOException, InterruptedException {
        HttpResponse<String> started = gateway.send(gateway.request("/admin/read-models/rebuild")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(
                    "The rebuild did not start: HTTP " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode status = json.readTree(started.body());
        while (status.path("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            HttpResponse<String> response = gateway.send(
                    gateway.request("/admin/read-models/rebuild/status").GET().build());
            if (response.statusCode() == 200) {
                status = json.readTree(response.body());
            }
        }
        long events = status.path("events_applied").asLong()
                + status.path("events_skipped").asLong()
                + status.path("events_dead_lettered").asLong();
        Instant startedAt = Instant.parse(status.path("started_at").asText());
        String state = status.path("state").asText();
        Instant finishedAt = status.hasNonNull("finished_at")
                ? Instant.parse(status.path("finished_at").asText())
                : Instant.now();
        double seconds = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        return new RebuildResult(
                eventsInTopic,
                events,
                status.path("events_applied").asLong(),
                status.path("events_dead_lettered").asLong(),
                seconds,
                state,
                seconds > 0 ? events / seconds : 0);
    }

    /**
     * @param state COMPLETED, FAILED, or RUNNING when the time limit ran out first
     */
    public record RebuildResult(
            long eventsInTopic,
            long eventsConsumed,
            long eventsApplied,
            long eventsDeadLettered,
            double seconds,
            String state,
            double eventsPerSecond) {}
}
