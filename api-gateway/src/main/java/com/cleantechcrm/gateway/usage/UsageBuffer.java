package com.cleantechcrm.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded in-memory queue between the request path and the batch writer. Adding never blocks: when the queue is
 * full the record is dropped, counted in {@code crm.gateway.usage.records.dropped} with {@code reason=buffer_full},
 * and a warning is logged at most once per {@link #DROP_WARNING_INTERVAL}.
 */
public class UsageBuffer {

    static final Duration DROP_WARNING_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(UsageBuffer.class);

    private final int capacity;
    private final BlockingQueue<UsageRecord> queue;
    private final Counter droppedWhenFull;
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final WarningThrottle warningThrottle = new WarningThrottle(DROP_WARNING_INTERVAL);

    public UsageBuffer(int capacity, MeterRegistry meterRegistry) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.droppedWhenFull = UsageMetrics.droppedRecords(meterRegistry, "buffer_full");
        Gauge.builder("crm.gateway.usage.buffer.size", queue, BlockingQueue::size)
                .description("Usage records waiting in memory to be written")
                .register(meterRegistry);
    }

    /** Adds the record unless the buffer is full, and returns the number of records waiting afterwards. */
    public int add(UsageRecord record) {
        if (!queue.offer(record)) {
            droppedWhenFull.increment();
            droppedSinceWarning.incrementAndGet();
            warnAtLimitedRate();
        }
        return queue.size();
    }

    /** Removes and returns up to {@code maxRecords} records, oldest first; empty when none are waiting. */
    public List<UsageRecord> take(int maxRecords) {
        List<UsageRecord> batch = new ArrayList<>(Math.min(maxRecords, queue.size()));
        queue.drainTo(batch, maxRecords);
        return batch;
    }

    public int size() {
        return queue.size();
    }

    private void warnAtLimitedRate() {
        if (!warningThrottle.tryAcquire()) {
            return;
        }
        log.warn(
                "Dropped {} usage record(s) since the last warning because the buffer of {} records is full; the"
                        + " database writes are behind or failing. Raise crm.usage.buffer-capacity or check the database.",
                droppedSinceWarning.getAndSet(0),
                capacity);
    }
}
