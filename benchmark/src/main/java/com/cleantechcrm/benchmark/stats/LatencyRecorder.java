package com.cleantechcrm.benchmark.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies and errors of one endpoint during one run. Latencies are kept in microseconds, from 1 µs to 5 minutes
 * with three significant digits. Every call that was sent, failed or not, counts in the latency histogram, but a call
 * that was never sent counts only as an error, since it has no latency.
 */
public final class LatencyRecorder {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final String endpoint;
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder unsent = new LongAdder();

    public LatencyRecorder(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Records a successful call that took {@code nanos}. */
    public void success(long nanos) {
        histogram.recordValue(toMicros(nanos));
    }

    /** Records a failed call, such as {@code "HTTP 429"} or {@code "timeout"}, that took {@code nanos}. */
    public void failure(long nanos, String reason) {
        histogram.recordValue(toMicros(nanos));
        errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Records a call that was never sent, such as one over the in-flight limit of an open loop. */
    public void notSent(String reason) {
        unsent.increment();
        errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Summarises what was recorded over a run of {@code seconds}. */
    public EndpointSummary summarise(double seconds) {
        Histogram copy = histogram.copy();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((reason, count) -> errorCounts.put(reason, count.sum()));
        return EndpointSummary.of(endpoint, copy, unsent.sum(), errorCounts, seconds);
    }

    private static long toMicros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000));
    }
}
