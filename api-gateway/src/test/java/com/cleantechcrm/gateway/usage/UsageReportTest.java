package com.cleantechcrm.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService;
import com.cleantechcrm.gateway.support.FakeService.CannedResponse;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /usage} through the gateway's HTTP port, on usage that real requests left in PostgreSQL. */
class UsageReportTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    UsageBatchWriter writer;

    @Autowired
    UsageRepository repository;

    @Autowired
    JdbcClient jdbc;

    private CreatedApiKey createKeyIn(String organizationName, String keyName, ApiScope... scopes) {
        EnumSet<ApiScope> scopeSet = EnumSet.noneOf(ApiScope.class);
        scopeSet.addAll(List.of(scopes));
        return apiKeyService.create(organizationName, keyName, scopeSet, null);
    }

    private long storedCount(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM api_request WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    /**
     * Waits until the organisation has {@code expected} stored usage rows, flushing the buffer meanwhile, because the
     * gateway records a request only after the client has its response.
     */
    private void awaitStored(UUID organizationId, long expected) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    writer.flush();
                    assertThat(storedCount(organizationId)).isGreaterThanOrEqualTo(expected);
                });
        assertThat(storedCount(organizationId)).as("stored usage rows").isEqualTo(expected);
    }

    private JsonNode usage(CreatedApiKey key, String query) throws Exception {
        HttpResponse<String> response = send("GET", "/usage" + query, key.key(), null);
        assertThat(response.statusCode())
                .as("status of GET /usage%s: %s", query, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void respond(FakeService service, int status, Duration delay) {
        service.respondWith(new CannedResponse(status, Map.of(), "", delay));
    }

    private void sendTimes(int times, String method, String path, CreatedApiKey key, String body) {
        for (int i = 0; i < times; i++) {
            send(method, path, key.key(), body);
        }
    }

    private static Map<String, Long> countsByEndpoint(JsonNode summary) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode endpoint : summary.path("endpoints")) {
            counts.put(
                    endpoint.path("method").asText() + " "
                            + endpoint.path("route").asText(),
                    endpoint.path("requests").asLong());
        }
        return counts;
    }

    private static Map<String, Long> countsByKeyName(JsonNode summary) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode key : summary.path("keys")) {
            counts.put(key.path("name").asText(), key.path("requests").asLong());
        }
        return counts;
    }

    /** The interpolated percentile that PostgreSQL's {@code percentile_cont} returns, computed from the stored rows. */
    private double expectedPercentile(UUID organizationId, double fraction) {
        List<Long> durations = jdbc.sql("SELECT duration_ms FROM api_request WHERE organization_id = ? ORDER BY 1")
                .param(organizationId)
                .query(Long.class)
                .list();
        double position = fraction * (durations.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return durations.get(lower) + (position - lower) * (durations.get(upper) - durations.get(lower));
    }

    private UsageRecord recordAt(Instant receivedAt, CreatedApiKey key, int status) {
        return new UsageRecord(receivedAt, key.organization().id(), key.apiKey().id(), "GET", "/leads", status, 10);
    }

    private static List<String> validationErrors(HttpResponse<String> response) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body())
                .path("error")
                .path("details")
                .path("validation_errors")
                .forEach(error -> errors.add(error.asText()));
        return errors;
    }

    @Test
    void reportCountsRequestsOfOrganization() throws Exception {
        String organization = "usage-org-" + UUID.randomUUID();
        CreatedApiKey reporting = createKeyIn(
                organization,
                "reporting",
                ApiScope.ADMIN,
                ApiScope.LEADS_READ,
                ApiScope.LEADS_WRITE,
                ApiScope.STATS_READ);
        CreatedApiKey sync = createKeyIn(organization, "crm-sync", ApiScope.LEADS_READ);
        CreatedApiKey stranger = createKey(ApiScope.LEADS_READ, ApiScope.ADMIN);
        String lead = "/leads/" + UUID.randomUUID();

        sendTimes(3, "GET", "/leads", reporting, null);
        sendTimes(2, "GET", lead, sync, null);
        respond(COMMAND_SERVICE, 201, Duration.ZERO);
        sendTimes(2, "POST", "/leads", reporting, "{}");
        respond(COMMAND_SERVICE, 409, Duration.ZERO);
        sendTimes(1, "PUT", lead + "/compliance", reporting, "{}");
        respond(QUERY_SERVICE, 304, Duration.ZERO);
        sendTimes(1, "GET", "/leads", sync, null);
        respond(QUERY_SERVICE, 500, Duration.ZERO);
        sendTimes(1, "GET", lead + "/history", sync, null);
        respond(QUERY_SERVICE, 200, Duration.ofMillis(200));
        sendTimes(2, "GET", "/leads/stats/growth", reporting, null);
        sendTimes(1, "POST", "/leads", sync, "{}");
        sendTimes(1, "GET", "/nowhere", reporting, null);
        send("GET", "/leads", null, null);
        sendTimes(2, "GET", "/leads", stranger, null);

        awaitStored(reporting.organization().id(), 14);
        awaitStored(stranger.organization().id(), 2);
        JsonNode report = usage(reporting, "");

        assertThat(report.path("organization_id").asText())
                .isEqualTo(reporting.organization().id().toString());
        JsonNode total = report.path("total");
        assertThat(total.path("requests").asLong()).isEqualTo(14);
        assertThat(total.path("status_classes").path("2xx").asLong()).isEqualTo(9);
        assertThat(total.path("status_classes").path("3xx").asLong()).isEqualTo(1);
        assertThat(total.path("status_classes").path("4xx").asLong()).isEqualTo(3);
        assertThat(total.path("status_classes").path("5xx").asLong()).isEqualTo(1);
        assertThat(total.path("error_rate").asDouble()).isCloseTo(4.0 / 14, within(1e-9));
        assertThat(total.path("server_error_rate").asDouble()).isCloseTo(1.0 / 14, within(1e-9));
        assertThat(countsByKeyName(total)).isEqualTo(Map.of("reporting", 9L, "crm-sync", 5L));
        assertThat(total.path("keys").get(0).path("api_key_id").asText())
                .isEqualTo(reporting.apiKey().id().toString());
        assertThat(countsByEndpoint(total))
                .isEqualTo(Map.of(
                        "GET /leads", 4L,
                        "POST /leads", 3L,
                        "GET /leads/{id}", 2L,
                        "GET /leads/stats/growth", 2L,
                        "PUT /leads/{id}/compliance", 1L,
                        "GET /leads/{id}/history", 1L,
                        "GET unmatched", 1L));

        JsonNode latency = total.path("latency_ms");
        assertThat(latency.path("p50").isNumber()).isTrue();
        assertThat(latency.path("p95").isNumber()).isTrue();
        assertThat(latency.path("p50").asDouble())
                .isLessThanOrEqualTo(latency.path("p95").asDouble());
        assertThat(latency.path("p95").asDouble()).isGreaterThanOrEqualTo(200);
        UUID organizationId = reporting.organization().id();
        assertThat(latency.path("p50").asDouble()).isCloseTo(expectedPercentile(organizationId, 0.5), within(0.05));
        assertThat(latency.path("p95").asDouble()).isCloseTo(expectedPercentile(organizationId, 0.95), within(0.05));

        long inBuckets = 0;
        for (JsonNode bucket : report.path("buckets")) {
            inBuckets += bucket.path("requests").asLong();
        }
        assertThat(inBuckets).isEqualTo(14);
    }

    @Test
    void otherOrganizationIsInvisible() throws Exception {
        CreatedApiKey first = createKey(ApiScope.ADMIN, ApiScope.LEADS_READ);
        CreatedApiKey second = createKey(ApiScope.ADMIN, ApiScope.LEADS_READ);

        sendTimes(3, "GET", "/leads", first, null);
        sendTimes(1, "GET", "/leads/" + UUID.randomUUID(), second, null);
        awaitStored(first.organization().id(), 3);
        awaitStored(second.organization().id(), 1);

        JsonNode firstReport = usage(first, "");
        JsonNode secondReport = usage(second, "");

        assertThat(firstReport.path("total").path("requests").asLong()).isEqualTo(3);
        assertThat(firstReport.path("total").path("keys")).hasSize(1);
        assertThat(firstReport
                        .path("total")
                        .path("keys")
                        .get(0)
                        .path("api_key_id")
                        .asText())
                .isEqualTo(first.apiKey().id().toString());
        assertThat(firstReport.toString()).doesNotContain(second.apiKey().id().toString());
        assertThat(secondReport.path("total").path("requests").asLong()).isEqualTo(1);
        assertThat(countsByEndpoint(secondReport.path("total"))).isEqualTo(Map.of("GET /leads/{id}", 1L));
        assertThat(secondReport.toString()).doesNotContain(first.apiKey().id().toString());
    }

    @Test
    void hourBucketsAlignToUtcHours() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        repository.insertAll(List.of(
                recordAt(hour.minusMillis(1), key, 200),
                recordAt(hour, key, 200),
                recordAt(hour.plus(Duration.ofMinutes(59)).plusSeconds(59).plusMillis(999), key, 503),
                recordAt(hour.plus(Duration.ofMinutes(150)), key, 404),
                recordAt(hour.plus(Duration.ofHours(3)), key, 200),
                recordAt(hour.plus(Duration.ofHours(4)), key, 200)));
        // 30 minutes past the first hour, written in UTC+2, and 10 minutes past the fourth hour, in UTC-5.
        String from = hour.plus(Duration.ofMinutes(30))
                .atOffset(ZoneOffset.ofHours(2))
                .toString()
                .replace("+", "%2B");
        String to = hour.plus(Duration.ofMinutes(190))
                .atOffset(ZoneOffset.ofHours(-5))
                .toString();

        JsonNode report = usage(key, "?granularity=hour&from=" + from + "&to=" + to);

        assertThat(report.path("granularity").asText()).isEqualTo("hour");
        assertThat(Instant.parse(report.path("from").asText())).isEqualTo(hour);
        assertThat(Instant.parse(report.path("to").asText())).isEqualTo(hour.plus(Duration.ofHours(4)));
        JsonNode buckets = report.path("buckets");
        assertThat(buckets).hasSize(4);
        long[] expectedRequests = {2, 0, 1, 1};
        for (int i = 0; i < 4; i++) {
            JsonNode bucket = buckets.get(i);
            Instant start = hour.plus(Duration.ofHours(i));
            assertThat(Instant.parse(bucket.path("start").asText()))
                    .as("start of bucket %d", i)
                    .isEqualTo(start);
            assertThat(Instant.parse(bucket.path("end").asText()))
                    .as("end of bucket %d", i)
                    .isEqualTo(start.plus(Duration.ofHours(1)));
            assertThat(bucket.path("requests").asLong())
                    .as("requests in bucket %d", i)
                    .isEqualTo(expectedRequests[i]);
        }
        assertThat(buckets.get(0).path("status_classes").path("5xx").asLong()).isEqualTo(1);
        assertThat(buckets.get(0).path("error_rate").asDouble()).isEqualTo(0.5);
        assertThat(buckets.get(0).path("server_error_rate").asDouble()).isEqualTo(0.5);
        assertThat(buckets.get(2).path("error_rate").asDouble()).isEqualTo(1.0);
        assertThat(buckets.get(2).path("server_error_rate").asDouble()).isEqualTo(0.0);
        assertThat(report.path("total").path("requests").asLong()).isEqualTo(4);
    }

    @Test
    void emptyBucketHasZerosAndNulls() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        repository.insertAll(List.of(recordAt(hour, key, 200)));

        JsonNode report = usage(key, "?from=" + hour + "&to=" + hour.plus(Duration.ofHours(2)));

        JsonNode empty = report.path("buckets").get(1);
        assertThat(empty.path("requests").asLong()).isZero();
        assertThat(empty.path("status_classes").path("2xx").asLong()).isZero();
        assertThat(empty.path("status_classes").path("4xx").asLong()).isZero();
        assertThat(empty.path("error_rate").isNull()).isTrue();
        assertThat(empty.path("server_error_rate").isNull()).isTrue();
        assertThat(empty.path("latency_ms").path("p50").isNull()).isTrue();
        assertThat(empty.path("latency_ms").path("p95").isNull()).isTrue();
        assertThat(empty.path("keys")).isEmpty();
        assertThat(empty.path("endpoints")).isEmpty();
        JsonNode filled = report.path("buckets").get(0);
        assertThat(filled.path("latency_ms").path("p50").asDouble()).isEqualTo(10.0);
        assertThat(filled.path("latency_ms").path("p95").asDouble()).isEqualTo(10.0);
    }

    @Test
    void dayBucketsAlignToUtcDays() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(4));
        Instant nextDay = day.plus(Duration.ofDays(1));
        repository.insertAll(List.of(
                recordAt(day.minusMillis(1), key, 200),
                recordAt(day.plus(Duration.ofHours(23)).plusSeconds(3599).plusMillis(999), key, 200),
                recordAt(nextDay, key, 200),
                recordAt(nextDay.plus(Duration.ofHours(12)), key, 200),
                recordAt(nextDay.plus(Duration.ofDays(1)).minusMillis(1), key, 200),
                recordAt(nextDay.plus(Duration.ofDays(1)), key, 200)));
        // 05:00 UTC of the first day, written as midnight in UTC-5, and 01:00 UTC of the second day.
        String from =
                day.plus(Duration.ofHours(5)).atOffset(ZoneOffset.ofHours(-5)).toString();
        String to = nextDay.plus(Duration.ofHours(1)).toString();

        JsonNode report = usage(key, "?granularity=day&from=" + from + "&to=" + to);

        assertThat(report.path("granularity").asText()).isEqualTo("day");
        assertThat(Instant.parse(report.path("from").asText())).isEqualTo(day);
        assertThat(Instant.parse(report.path("to").asText())).isEqualTo(nextDay.plus(Duration.ofDays(1)));
        JsonNode buckets = report.path("buckets");
        assertThat(buckets).hasSize(2);
        assertThat(Instant.parse(buckets.get(0).path("start").asText())).isEqualTo(day);
        assertThat(Instant.parse(buckets.get(0).path("end").asText())).isEqualTo(nextDay);
        assertThat(buckets.get(0).path("requests").asLong()).isEqualTo(1);
        assertThat(Instant.parse(buckets.get(1).path("start").asText())).isEqualTo(nextDay);
        assertThat(buckets.get(1).path("requests").asLong()).isEqualTo(3);
        assertThat(report.path("total").path("requests").asLong()).isEqualTo(4);
    }

    @Test
    void defaultsAreLastDayHourly() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Instant before = Instant.now();

        JsonNode report = usage(key, "");

        Instant after = Instant.now();
        Instant from = Instant.parse(report.path("from").asText());
        Instant to = Instant.parse(report.path("to").asText());
        assertThat(report.path("granularity").asText()).isEqualTo("hour");
        assertThat(to).isAfter(before.minusMillis(1));
        assertThat(to).isBeforeOrEqualTo(after.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        assertThat(from).isBeforeOrEqualTo(before.minus(Duration.ofHours(24)));
        assertThat(from).isEqualTo(from.truncatedTo(ChronoUnit.HOURS));
        JsonNode buckets = report.path("buckets");
        assertThat(buckets.size()).isBetween(24, 25);
        assertThat(Instant.parse(buckets.get(0).path("start").asText())).isEqualTo(from);
        assertThat(Instant.parse(buckets.get(buckets.size() - 1).path("end").asText()))
                .isEqualTo(to);
        assertThat(report.path("total").path("requests").asLong()).isZero();
    }

    @Test
    void invalidParametersAreReportedTogether() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);

        HttpResponse<String> response =
                send("GET", "/usage?from=yesterday&to=2026-13-01T00:00:00Z&granularity=week", key.key(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("message").asText()).isEqualTo("The request has 3 invalid query parameters.");
        List<String> errors = validationErrors(response);
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("from: must be an ISO-8601 date and time with an offset");
        assertThat(errors.get(1)).startsWith("to: must be an ISO-8601 date and time with an offset");
        assertThat(errors.get(2)).startsWith("granularity: must be one of hour, day");
    }

    @Test
    void invalidRangesAreRejected() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Map<String, String> expectedErrors = new HashMap<>();
        expectedErrors.put("?from=2026-12-04T10:00:00Z&to=2026-12-04T10:00:00Z", "from: must be before to");
        expectedErrors.put("?from=2026-12-04T10:00:00Z&to=2026-12-04T09:00:00Z", "from: must be before to");
        expectedErrors.put("?from=2999-01-01T00:00:00Z", "from: must be before to (default: now)");
        expectedErrors.put(
                "?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:01Z",
                "to: must be at most 7 days after from for granularity hour");
        expectedErrors.put(
                "?granularity=day&from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:01Z",
                "to: must be at most 366 days after from for granularity day");
        expectedErrors.put("?from=2026-12-04T10:00:00", "from: must be an ISO-8601 date and time with an offset");
        expectedErrors.put("?to=2026-12-04T10:00:00+01:00", "to: must be an ISO-8601 date and time with an offset");
        expectedErrors.put("?to=1969-12-31T23:59:59Z", "to: must be an ISO-8601 date and time with an offset");
        expectedErrors.put("?from=%2B999999999-01-01T00:00:00Z", "from: must be an ISO-8601 date and time");
        expectedErrors.put("?granularity=", "granularity: must be one of hour, day");
        expectedErrors.put("?granularity=HOUR", "granularity: must be one of hour, day");

        for (Map.Entry<String, String> expected : expectedErrors.entrySet()) {
            HttpResponse<String> response = send("GET", "/usage" + expected.getKey(), key.key(), null);

            assertThat(response.statusCode())
                    .as("status of %s", expected.getKey())
                    .isEqualTo(400);
            assertThat(validationErrors(response))
                    .as("errors of %s", expected.getKey())
                    .singleElement()
                    .asString()
                    .startsWith(expected.getValue());
        }
    }

    @Test
    void longestRangesAreAccepted() throws Exception {
        CreatedApiKey key = createKey(ApiScope.ADMIN);

        JsonNode hourly = usage(key, "?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z");
        JsonNode daily = usage(key, "?granularity=day&from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");

        assertThat(hourly.path("buckets")).hasSize(168);
        assertThat(daily.path("buckets")).hasSize(366);
    }

    @Test
    void usageNeedsAdminScope() throws Exception {
        CreatedApiKey reader = createKey(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE, ApiScope.STATS_READ);
        CreatedApiKey admin = createKey(ApiScope.ADMIN);

        HttpResponse<String> forbidden = send("GET", "/usage", reader.key(), null);
        HttpResponse<String> wrongMethod = send("POST", "/usage", admin.key(), "{}");
        HttpResponse<String> withSlash = send("GET", "/usage/", admin.key(), null);
        HttpResponse<String> withoutKey = send("GET", "/usage", null, null);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).path("error").path("code").asText())
                .isEqualTo("FORBIDDEN");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        assertThat(withSlash.statusCode()).isEqualTo(200);
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }
}
