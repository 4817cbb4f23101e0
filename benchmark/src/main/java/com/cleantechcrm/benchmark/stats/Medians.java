package com.cleantechcrm.benchmark.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Combines repeated runs into one figure per metric: the median, so one disturbed repetition does not move it. */
public final class Medians {

    /** The name of the summary of all calls together, which {@link #combine} puts last. */
    public static final String TOTAL = "all calls";

    private Medians() {}

    /** The median of the values; the mean of the two middle ones for an even count, 0 for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Combines the summaries of the same endpoints from repeated runs: each metric is the median of its values,
     * and calls and errors are the medians too, rounded.
     */
    public static List<EndpointSummary> combine(List<List<EndpointSummary>> repetitions) {
        Map<String, List<EndpointSummary>> byEndpoint = new LinkedHashMap<>();
        for (List<EndpointSummary> repetition : repetitions) {
            for (EndpointSummary summary : repetition) {
                byEndpoint
                        .computeIfAbsent(summary.endpoint(), e -> new ArrayList<>())
                        .add(summary);
            }
        }
        // A repetition may lack an endpoint that another called, so the order is rebuilt with the total last.
        List<EndpointSummary> combined = new ArrayList<>();
        byEndpoint.forEach((endpoint, summaries) -> combined.add(combineOne(endpoint, summaries)));
        combined.sort(java.util.Comparator.comparing(s -> s.endpoint().equals(TOTAL) ? 1 : 0));
        return combined;
    }

    private static EndpointSummary combineOne(String endpoint, List<EndpointSummary> summaries) {
        Map<String, List<Double>> reasons = new TreeMap<>();
        for (EndpointSummary summary : summaries) {
            summary.errorsByReason()
                    .forEach((reason, count) -> reasons.computeIfAbsent(reason, r -> new ArrayList<>())
                            .add(count.doubleValue()));
        }
        Map<String, Long> errorsByReason = new TreeMap<>();
        reasons.forEach((reason, counts) -> {
            while (counts.size() < summaries.size()) {
                counts.add(0.0);
            }
            errorsByReason.put(reason, Math.round(median(counts)));
        });
        return new EndpointSummary(
                endpoint,
                Math.round(of(summaries, s -> s.calls())),
                Math.round(of(summaries, s -> s.errors())),
                of(summaries, EndpointSummary::throughputPerSecond),
                of(summaries, EndpointSummary::p50Millis),
                of(summaries, EndpointSummary::p95Millis),
                of(summaries, EndpointSummary::p99Millis),
                of(summaries, EndpointSummary::maxMillis),
                errorsByReason);
    }

    private static double of(List<EndpointSummary> summaries, ToDoubleFunction<EndpointSummary> metric) {
        return median(summaries.stream().map(s -> metric.applyAsDouble(s)).toList());
    }
}
