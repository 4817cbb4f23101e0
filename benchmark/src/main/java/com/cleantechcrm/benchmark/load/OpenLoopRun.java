package com.cleantechcrm.benchmark.load;

import com.cleantechcrm.benchmark.stats.EndpointSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests that arrive on a fixed timetable, whether or not earlier ones were answered, as independent clients do.
 * Each latency is measured from the time the request was scheduled, not from when it was sent, so time spent queued
 * behind a slow system counts (no coordinated omission). Two bounds keep a run short when the system cannot keep up,
 * and both count as errors instead of silently lowering the rate. A request that would exceed {@code maxInFlight}
 * outstanding ones is not sent, and counts without a latency. A request still unanswered {@code drain} after the last
 * one was scheduled is given up, and counts with its latency so far. Throughput is successful answers divided by the time from the first
 * scheduled request to the last answer.
 */
public final class OpenLoopRun {

    private final GatewayClient gateway;
    private final Calls calls;
    private final int maxInFlight;
    private final Duration drain;

    public OpenLoopRun(GatewayClient gateway, Calls calls, int maxInFlight, Duration drain) {
        this.gateway = gateway;
        this.calls = calls;
        this.maxInFlight = maxInFlight;
        this.drain = drain;
    }

    public List<EndpointSummary> run(Workload workload, double ratePerSecond, Duration duration)
            throws InterruptedException {
        RunRecorders recorders = new RunRecorders();
        Map<Long, Outstanding> outstanding = new ConcurrentHashMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long total = (long) (ratePerSecond * duration.toMillis() / 1000);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Call call = calls.prepare(workload.pick());
            if (outstanding.size() >= maxInFlight) {
                recorders.notSent(call.endpoint(), "not sent: in-flight limit");
                continue;
            }
            long id = i;
            outstanding.put(id, new Outstanding(call.endpoint(), scheduled));
            gateway.sendAsync(call.request()).whenComplete((response, error) -> {
                // Whoever removes the entry records it: the answer, or the give-up after the drain.
                if (outstanding.remove(id) == null) {
                    return;
                }
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                if (error != null) {
                    recorders.exception(call.endpoint(), error, now - scheduled);
                } else {
                    recorders.response(call.endpoint(), response, now - scheduled);
                    call.onResponse().accept(response);
                }
            });
        }
        long giveUp = System.nanoTime() + drain.toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < giveUp) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long now = System.nanoTime();
        for (Long id : List.copyOf(outstanding.keySet())) {
            Outstanding left = outstanding.remove(id);
            if (left != null) {
                recorders.failure(left.endpoint(), "no answer within the drain time", now - left.scheduled());
            }
        }
        long end = Math.max(lastAnswer.get(), start + duration.toNanos());
        return recorders.summarise((end - start) / 1e9);
    }

    private record Outstanding(Endpoint endpoint, long scheduled) {}
}
