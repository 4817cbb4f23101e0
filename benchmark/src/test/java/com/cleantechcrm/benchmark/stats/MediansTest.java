package com.cleantechcrm.benchmark.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Medians.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Medians.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Medians.median(List.of())).isZero();
    }

    @Test
    void recorderSummarisesPercentilesThroughputAndErrors() {
        LatencyRecorder recorder = new LatencyRecorder("GET /leads");
        for (int millis = 1; millis <= 100; millis++) {
            recorder.success(millis * 1_000_000L);
        }
        recorder.failure(500_000_000L, "HTTP 429");

        EndpointSummary summary = recorder.summarise(10);

        assertThat(summary.calls()).isEqualTo(101);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.throughputPerSecond()).isEqualTo(10.0);
        assertThat(summary.p50Millis()).isCloseTo(51, within(0.1));
        assertThat(summary.p99Millis()).isCloseTo(100, within(0.1));
        assertThat(summary.maxMillis()).isCloseTo(500, within(0.5));
        assertThat(summary.errorsByReason()).containsExactly(Map.entry("HTTP 429", 1L));
    }

    @Test
    void recorderLeavesUnsentCallsOutOfPercentiles() {
        LatencyRecorder recorder = new LatencyRecorder("POST /leads");
        recorder.success(40_000_000L);
        recorder.notSent("not sent: in-flight limit");
        recorder.notSent("not sent: in-flight limit");

        EndpointSummary summary = recorder.summarise(1);

        assertThat(summary.calls()).isEqualTo(3);
        assertThat(summary.errors()).isEqualTo(2);
        assertThat(summary.throughputPerSecond()).isEqualTo(1.0);
        assertThat(summary.p50Millis()).isCloseTo(40, within(0.1));
    }

    @Test
    void combineTakesTheMedianOfEachFigureAndCountsMissingReasonsAsZero() {
        List<EndpointSummary> first = List.of(summary(100, 10, Map.of("HTTP 429", 4L)));
        List<EndpointSummary> second = List.of(summary(300, 30, Map.of()));
        List<EndpointSummary> third = List.of(summary(200, 20, Map.of("HTTP 429", 2L)));

        List<EndpointSummary> combined = Medians.combine(List.of(first, second, third));

        assertThat(combined).hasSize(1);
        EndpointSummary median = combined.get(0);
        assertThat(median.throughputPerSecond()).isEqualTo(200);
        assertThat(median.p99Millis()).isEqualTo(20);
        assertThat(median.errorsByReason()).containsExactly(Map.entry("HTTP 429", 2L));
    }

    private static EndpointSummary summary(double throughput, double p99, Map<String, Long> errors) {
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        return new EndpointSummary("POST /leads", 1000, errorCount, throughput, p99 / 2, p99, p99, p99 * 2, errors);
    }
}
