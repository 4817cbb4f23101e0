package com.cleantechcrm.benchmark.stats;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one endpoint did during one run: calls, successful calls per second, latency percentiles in milliseconds and
 * errors by reason. Calls and errors include calls that were never sent, and the percentiles leave them out.
 */
public record EndpointSummary(
        String endpoint,
        long calls,
        long errors,
        double throughputPerSecond,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis,
        Map<String, Long> errorsByReason) {

    static EndpointSummary of(
            String endpoint, Histogram micros, long unsent, Map<String, Long> errorsByReason, double seconds) {
        long calls = micros.getTotalCount() + unsent;
        long errors =
                errorsByReason.values().stream().mapToLong(Long::longValue).sum();
        return new EndpointSummary(
                endpoint,
                calls,
                errors,
                seconds > 0 ? (calls - errors) / seconds : 0,
                millis(micros, 50),
                millis(micros, 95),
                millis(micros, 99),
                micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1000.0,
                Map.copyOf(errorsByReason));
    }

    private static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
