package com.cleantechcrm.command.relay;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Minimum, median, 95th percentile and maximum of measured latencies, by the nearest-rank method. */
record LatencySummary(int count, Duration min, Duration median, Duration p95, Duration max) {

    static LatencySummary of(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            throw new IllegalArgumentException("No latencies were measured.");
        }
        List<Duration> sorted =
                latencies.stream().sorted(Comparator.naturalOrder()).toList();
        return new LatencySummary(
                sorted.size(),
                sorted.get(0),
                percentile(sorted, 50),
                percentile(sorted, 95),
                sorted.get(sorted.size() - 1));
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    @Override
    public String toString() {
        return "min " + min.toMillis() + " ms, median " + median.toMillis() + " ms, p95 " + p95.toMillis() + " ms, max "
                + max.toMillis() + " ms";
    }
}
