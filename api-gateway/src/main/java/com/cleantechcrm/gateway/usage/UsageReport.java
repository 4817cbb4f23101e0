package com.cleantechcrm.gateway.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code GET /usage}: the organisation's requests in [{@code from}, {@code to}), in total and per bucket.
 * Every bucket of the range is listed, those without requests too.
 */
record UsageReport(
        UUID organizationId, Instant from, Instant to, Granularity granularity, Summary total, List<Bucket> buckets) {

    /** One UTC hour or day, [{@code start}, {@code end}), with its figures at the same level as the bounds. */
    record Bucket(Instant start, Instant end, @JsonUnwrapped Summary usage) {}

    /**
     * The figures of a bucket or of the whole range. The rates are shares of {@code requests}: {@code error_rate}
     * counts 4xx and 5xx responses, {@code server_error_rate} only 5xx. Rates and latencies are null without requests.
     */
    record Summary(
            long requests,
            StatusClasses statusClasses,
            Double errorRate,
            Double serverErrorRate,
            Latency latencyMs,
            List<KeyRequests> keys,
            List<EndpointRequests> endpoints) {}

    /** Requests by the first digit of their response status. */
    record StatusClasses(
            @JsonProperty("2xx") long successful,
            @JsonProperty("3xx") long redirection,
            @JsonProperty("4xx") long clientError,
            @JsonProperty("5xx") long serverError) {}

    /**
     * Percentiles of the time the gateway took per request, in milliseconds, interpolated between requests and rounded
     * to 0.1 ms.
     */
    record Latency(Double p50, Double p95) {}

    /** @param name the key's name, or null when the key no longer exists */
    record KeyRequests(UUID apiKeyId, String name, long requests) {}

    /** @param route the route pattern, such as {@code /leads/{id}}, or {@code unmatched} for an unknown path */
    record EndpointRequests(String method, String route, long requests) {}
}
