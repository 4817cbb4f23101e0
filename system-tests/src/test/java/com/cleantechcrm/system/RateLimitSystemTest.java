package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published rate limits through the real gateway process: 100 requests per minute per key and 200 per 10 seconds
 * per organisation, over all of its keys. Also the import command, which waits out a 429 and goes on.
 */
class RateLimitSystemTest {

    private static final String DEFAULT_POLICY = "\"minute\";q=100;w=60, \"burst\";q=200;w=10, \"day\";q=10000;w=86400";

    private static RunningSystem system;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    /**
     * Waits for the start of the next 10-second window, so that the requests that follow fall into one burst window
     * and one minute window: minute windows start on 10-second boundaries too.
     */
    private static void awaitFreshBurstWindow() throws InterruptedException {
        long millisIntoWindow = Instant.now().toEpochMilli() % 10_000;
        Thread.sleep(10_000 - millisIntoWindow + 50);
    }

    /** Sends {@code count} requests to {@code path} at once from 8 threads and returns the responses. */
    private static List<Response> sendAtOnce(ApiClient client, String path, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> client.get(path)));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdown();
        }
    }

    private static long countStatus(List<Response> responses, int status) {
        return responses.stream()
                .filter(response -> response.status() == status)
                .count();
    }

    @Test
    void publishedLimitsHoldThroughGateway() throws Exception {
        String organization = "Published limits " + UUID.randomUUID();
        ApiClient first = new ApiClient(system.gatewayUrl(), system.createKey(organization, "leads:read"));
        ApiClient second = new ApiClient(system.gatewayUrl(), system.createKey(organization, "leads:read"));
        ApiClient third = new ApiClient(system.gatewayUrl(), system.createKey(organization, "leads:read"));
        awaitFreshBurstWindow();
        Instant start = Instant.now();

        Response forwarded = first.get("/leads?limit=1");
        List<Response> firstKey = sendAtOnce(first, "/no-such-path", 100);
        List<Response> secondKey = sendAtOnce(second, "/no-such-path", 100);
        Response burstRejected = third.get("/leads?limit=1");
        Duration elapsed = Duration.between(start, Instant.now());

        assertThat(elapsed).as("time for the requests of one burst window").isLessThan(Duration.ofSeconds(10));
        assertThat(forwarded.status()).isEqualTo(200);
        assertThat(forwarded.header("RateLimit-Policy")).isEqualTo(DEFAULT_POLICY);
        assertThat(forwarded.header("RateLimit")).startsWith("\"minute\";r=99;t=");
        assertThat(countStatus(firstKey, 404)).isEqualTo(99);
        assertThat(countStatus(firstKey, 429)).isEqualTo(1);
        Response minuteRejected =
                firstKey.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(minuteRejected.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(minuteRejected
                        .body()
                        .path("error")
                        .path("details")
                        .path("limit")
                        .asText())
                .isEqualTo("minute");
        assertThat(Long.parseLong(minuteRejected.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(countStatus(secondKey, 404)).isEqualTo(100);
        assertThat(secondKey)
                .allSatisfy(response ->
                        assertThat(response.header("X-RateLimit-Limit")).isNotNull());

        assertThat(burstRejected.status()).isEqualTo(429);
        assertThat(burstRejected.header("RateLimit")).startsWith("\"burst\";r=0;t=");
        assertThat(Long.parseLong(burstRejected.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(burstRejected
                        .body()
                        .path("error")
                        .path("details")
                        .path("limit")
                        .asText())
                .isEqualTo("burst");
        assertThat(burstRejected
                        .body()
                        .path("error")
                        .path("details")
                        .path("quota")
                        .asLong())
                .isEqualTo(200);
        assertThat(new ApiClient(system.gatewayUrl(), null)
                        .get("/actuator/prometheus")
                        .raw()
                        .body())
                .containsPattern("crm_gateway_rate_limit_rejections_total\\{[^}]*limit=\"burst\"[^}]*} [1-9]");
    }

    @Test
    void importWaitsOutRateLimits() throws Exception {
        String key = system.createKey(RunningSystem.SMALL_BURST_ORGANIZATION, "leads:read,leads:write");
        String run = UUID.randomUUID().toString().substring(0, 8);
        int rows = RunningSystem.SMALL_BURST * 2 + 3;
        StringBuilder csv = new StringBuilder("name,email,company,organization_type,sustainability_score,"
                + "compliance_status,compliance_requirements,procurement_estimated_duration,procurement_stage,"
                + "deal_value,source_channel,source_campaign\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",lead")
                    .append(i)
                    .append('.')
                    .append(run)
                    .append("@example.org,Solar Co,Corporate,50,pending,,120,RFP,1000,SEO,\n");
        }
        Path file = folder.resolve("leads.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        List<String> output = RunningSystem.runJar(
                system.root().resolve("crm-cli/target/crm-cli.jar"),
                Map.of("CRM_API_KEY", key),
                "import",
                file.toString(),
                "--url",
                system.gatewayUrl());

        assertThat(output)
                .filteredOn(line -> line.matches("line \\d+: created .*"))
                .hasSize(rows);
        assertThat(system.log("api-gateway")).containsPattern("Handled POST unmatched with status 429");
    }
}
