package com.cleantechcrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits through the running gateway, with the rate-limit clock standing still so that every window is under
 * the test's control: headers on every kind of response, the 429 response, exact counts under concurrency, the burst
 * limit over several keys, the daily reset and a second gateway instance on the same database.
 */
@Import(FrozenRateLimitClock.class)
@DirtiesContext
class RateLimitGatewayTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_POLICY = "\"minute\";q=100;w=60, \"burst\";q=200;w=10, \"day\";q=10000;w=86400";
    private static final Pattern STATE = Pattern.compile("\"(minute|burst|day)\";r=(\\d+);t=(\\d+)");

    private static final String SMALL_BURST_ORGANIZATION = "Small burst " + UUID.randomUUID();
    private static final String SMALL_DAY_ORGANIZATION = "Small day " + UUID.randomUUID();

    @DynamicPropertySource
    static void overrides(DynamicPropertyRegistry registry) {
        registry.add("crm.rate-limits.overrides[0].organization", () -> SMALL_BURST_ORGANIZATION);
        registry.add("crm.rate-limits.overrides[0].per-key-per-minute", () -> "3");
        registry.add("crm.rate-limits.overrides[0].per-organization-burst", () -> "5");
        registry.add("crm.rate-limits.overrides[1].organization", () -> SMALL_DAY_ORGANIZATION);
        registry.add("crm.rate-limits.overrides[1].per-organization-per-day", () -> "4");
    }

    @BeforeEach
    void startAtKnownTime() {
        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-04T10:00:12.250Z"));
    }

    private CreatedApiKey keyOf(String organization, ApiScope... scopes) {
        EnumSet<ApiScope> scopeSet = EnumSet.noneOf(ApiScope.class);
        scopeSet.addAll(List.of(scopes));
        return apiKeyService.create(organization, "rate limit test", scopeSet, null);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private HttpResponse<String> get(String path, CreatedApiKey key) {
        return send("GET", path, key.key(), null);
    }

    @Test
    void everyAuthenticatedResponseCarriesLimitHeaders() throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        QUERY_SERVICE.respondWith(FakeService.CannedResponse.json(
                404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No lead.\",\"details\":{}}}"));
        long resetEpoch = Instant.parse("2031-03-04T10:01:00Z").getEpochSecond();

        List<HttpResponse<String>> responses = List.of(
                send("GET", "/leads/" + UUID.randomUUID(), key.key(), null),
                send("GET", "/nothing/here", key.key(), null),
                send("DELETE", "/leads", key.key(), null),
                send("POST", "/leads", key.key(), "{}"),
                send("GET", "/leads/stats/growth", key.key(), null));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(404, 404, 405, 403, 403);
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i);
            long remaining = 99 - i;
            assertThat(header(response, "RateLimit-Policy")).isEqualTo(DEFAULT_POLICY);
            assertThat(header(response, "RateLimit")).isEqualTo("\"minute\";r=" + remaining + ";t=48");
            assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("100");
            assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
            assertThat(header(response, "X-RateLimit-Reset")).isEqualTo(Long.toString(resetEpoch));
        }
        assertThat(error(responses.get(0)).path("message").asText()).isEqualTo("No lead.");
    }

    @Test
    void forwardedSuccessCarriesLimitHeaders() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);
        COMMAND_SERVICE.respondWith(FakeService.CannedResponse.json(201, "{\"id\":\"x\"}"));

        HttpResponse<String> response = send("POST", "/leads", key.key(), "{\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(header(response, "RateLimit")).isEqualTo("\"minute\";r=99;t=48");
        assertThat(header(response, "RateLimit-Policy")).isEqualTo(DEFAULT_POLICY);
        assertThat(COMMAND_SERVICE.takeRequest().header("RateLimit")).isNull();
    }

    @Test
    void requestsWithoutKeyOrToActuatorCarryNoLimitHeaders() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> unauthorized = send("GET", "/leads", null, null);
        HttpResponse<String> health = send("GET", "/actuator/health", key.key(), null);

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(header(unauthorized, "RateLimit")).isNull();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(header(health, "RateLimit")).isNull();
    }

    @Test
    void minuteLimitRejectsWith429AndDetails() throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        for (int i = 0; i < 100; i++) {
            assertThat(get("/leads", key).statusCode())
                    .as("status of request %d", i + 1)
                    .isEqualTo(200);
        }

        HttpResponse<String> rejected = get("/leads", key);

        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(header(rejected, "Retry-After")).isEqualTo("48");
        assertThat(header(rejected, "RateLimit")).isEqualTo("\"minute\";r=0;t=48");
        assertThat(header(rejected, "RateLimit-Policy")).isEqualTo(DEFAULT_POLICY);
        assertThat(header(rejected, "X-RateLimit-Remaining")).isEqualTo("0");
        JsonNode error = error(rejected);
        assertThat(error.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("message").asText()).contains("'minute'", "100 requests per minute per API key", "48");
        JsonNode details = error.path("details");
        assertThat(details.path("validation_errors").isArray()).isTrue();
        assertThat(details.path("validation_errors")).isEmpty();
        assertThat(details.path("system_errors").isArray()).isTrue();
        assertThat(details.path("limit").asText()).isEqualTo("minute");
        assertThat(details.path("scope").asText()).isEqualTo("api_key");
        assertThat(details.path("quota").asLong()).isEqualTo(100);
        assertThat(details.path("window_seconds").asLong()).isEqualTo(60);
        assertThat(details.path("reset_at").asText()).isEqualTo("2031-03-04T10:01:00Z");
        assertThat(details.path("retry_after_seconds").asLong()).isEqualTo(48);
        for (int i = 0; i < 100; i++) {
            QUERY_SERVICE.takeRequest();
        }
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(send("GET", "/actuator/prometheus", null, null).body())
                .containsPattern("crm_gateway_rate_limit_rejections_total\\{.*limit=\"minute\".*} [1-9]");

        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-04T10:01:00Z"));
        HttpResponse<String> nextMinute = get("/leads", key);
        assertThat(nextMinute.statusCode()).isEqualTo(200);
        assertThat(header(nextMinute, "RateLimit")).isEqualTo("\"minute\";r=99;t=60");
    }

    @Test
    void burstLimitSpansKeysOfOrganization() throws Exception {
        CreatedApiKey first = keyOf(SMALL_BURST_ORGANIZATION, ApiScope.LEADS_READ);
        CreatedApiKey second = keyOf(SMALL_BURST_ORGANIZATION, ApiScope.LEADS_READ);
        CreatedApiKey third = keyOf(SMALL_BURST_ORGANIZATION, ApiScope.LEADS_READ);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/leads", first).statusCode()).isEqualTo(200);
        }
        assertThat(get("/leads", second).statusCode()).isEqualTo(200);
        HttpResponse<String> last = get("/leads", second);
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(header(last, "RateLimit")).isEqualTo("\"burst\";r=0;t=8");

        HttpResponse<String> rejected = get("/leads", third);

        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(header(rejected, "Retry-After")).isEqualTo("8");
        assertThat(header(rejected, "RateLimit")).isEqualTo("\"burst\";r=0;t=8");
        assertThat(header(rejected, "RateLimit-Policy"))
                .isEqualTo("\"minute\";q=3;w=60, \"burst\";q=5;w=10, \"day\";q=10000;w=86400");
        JsonNode details = error(rejected).path("details");
        assertThat(details.path("limit").asText()).isEqualTo("burst");
        assertThat(details.path("scope").asText()).isEqualTo("organization");
        assertThat(details.path("quota").asLong()).isEqualTo(5);
        assertThat(details.path("window_seconds").asLong()).isEqualTo(10);
        assertThat(details.path("reset_at").asText()).isEqualTo("2031-03-04T10:00:20Z");

        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-04T10:00:20Z"));
        assertThat(get("/leads", third).statusCode()).isEqualTo(200);
        HttpResponse<String> firstKeyAgain = get("/leads", first);
        assertThat(firstKeyAgain.statusCode()).isEqualTo(429);
        assertThat(error(firstKeyAgain).path("details").path("limit").asText()).isEqualTo("minute");
    }

    @Test
    void dailyQuotaResetsAtMidnightUtc() throws Exception {
        CreatedApiKey key = keyOf(SMALL_DAY_ORGANIZATION, ApiScope.LEADS_READ);
        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-04T23:59:58.500Z"));
        for (int i = 0; i < 4; i++) {
            assertThat(get("/leads", key).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> rejected = get("/leads", key);
        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-04T23:59:59.999Z"));
        HttpResponse<String> stillRejected = get("/leads", key);
        FrozenRateLimitClock.CLOCK.set(Instant.parse("2031-03-05T00:00:00Z"));
        HttpResponse<String> nextDay = get("/leads", key);

        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(header(rejected, "Retry-After")).isEqualTo("2");
        assertThat(header(rejected, "X-RateLimit-Reset"))
                .isEqualTo(Long.toString(Instant.parse("2031-03-05T00:00:00Z").getEpochSecond()));
        assertThat(error(rejected).path("details").path("limit").asText()).isEqualTo("day");
        assertThat(error(rejected).path("details").path("reset_at").asText()).isEqualTo("2031-03-05T00:00:00Z");
        assertThat(stillRejected.statusCode()).isEqualTo(429);
        assertThat(header(stillRejected, "Retry-After")).isEqualTo("1");
        assertThat(nextDay.statusCode()).isEqualTo(200);
        assertThat(header(nextDay, "RateLimit")).isEqualTo("\"day\";r=3;t=86400");
    }

    @Test
    void concurrentClientsGetExactlyMinuteQuota() throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            responses.add(clients.submit(() -> {
                start.await();
                return get("/leads", key);
            }));
        }

        start.countDown();
        int admitted = 0;
        int rejected = 0;
        List<Long> remainingOfAdmitted = new ArrayList<>();
        for (Future<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                admitted++;
                Matcher state = STATE.matcher(header(response, "RateLimit"));
                assertThat(state.matches()).isTrue();
                remainingOfAdmitted.add(Long.parseLong(state.group(2)));
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                rejected++;
            }
        }
        clients.shutdown();

        assertThat(admitted).isEqualTo(100);
        assertThat(rejected).isEqualTo(156);
        assertThat(remainingOfAdmitted).doesNotHaveDuplicates().allMatch(remaining -> remaining < 100);
    }

    @Test
    void secondGatewayInstanceSharesCounts() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(
                        ApiGatewayApplication.class, FrozenRateLimitClock.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--crm.gateway.command-service-url=" + COMMAND_SERVICE.baseUrl(),
                        "--crm.gateway.query-service-url=" + QUERY_SERVICE.baseUrl())) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String secondBase = "http://127.0.0.1:" + secondPort;

            for (int i = 0; i < 50; i++) {
                assertThat(get("/leads", key).statusCode()).isEqualTo(200);
                assertThat(sendTo(secondBase, key).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> rejectedBySecond = sendTo(secondBase, key);
            HttpResponse<String> rejectedByFirst = get("/leads", key);

            assertThat(rejectedBySecond.statusCode()).isEqualTo(429);
            assertThat(rejectedByFirst.statusCode()).isEqualTo(429);
        }
    }

    private HttpResponse<String> sendTo(String baseUrl, CreatedApiKey key) {
        try {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/leads"))
                            .header("Authorization", "Bearer " + key.key())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("The request to the second gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while calling the second gateway", e);
        }
    }
}
