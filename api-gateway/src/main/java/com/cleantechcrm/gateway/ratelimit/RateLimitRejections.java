package com.cleantechcrm.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts rejected requests in {@code crm.gateway.rate_limit.rejections}, tagged with the limit that rejected them
 * ({@code minute}, {@code burst} or {@code day}), and failures of the counter store in
 * {@code crm.gateway.rate_limit.store_failures}.
 */
public class RateLimitRejections {

    private final Map<String, Counter> rejectionsByLimit;
    private final Counter storeFailures;

    public RateLimitRejections(MeterRegistry registry) {
        this.rejectionsByLimit = List.of(LimitPolicy.MINUTE, LimitPolicy.BURST, LimitPolicy.DAY).stream()
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        limit -> Counter.builder("crm.gateway.rate_limit.rejections")
                                .description("Requests rejected with 429, by the limit that rejected them")
                                .tag("limit", limit)
                                .register(registry)));
        this.storeFailures = Counter.builder("crm.gateway.rate_limit.store_failures")
                .description("Requests rejected with 503 because the rate-limit store failed")
                .register(registry);
    }

    void recordRejection(String limit) {
        rejectionsByLimit.get(limit).increment();
    }

    void recordStoreFailure() {
        storeFailures.increment();
    }
}
