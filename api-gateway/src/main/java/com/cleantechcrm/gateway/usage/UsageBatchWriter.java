package com.cleantechcrm.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Moves buffered usage records to the database on one background thread: every flush interval, and at once when a
 * full batch is waiting. It stops after the web server (a lower lifecycle phase), so requests that finish during a
 * graceful shutdown are still recorded, and it writes everything left in the buffer before the application closes.
 *
 * <p>A batch that fails to write is dropped and counted in {@code crm.gateway.usage.records.dropped} with {@code
 * reason=write_failed}; it is not retried, so that a database outage cannot grow memory without bound.
 */
public class UsageBatchWriter implements SmartLifecycle {

    /** Below the web server's phases, so this writer starts before it and stops after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration FAILURE_WARNING_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(UsageBatchWriter.class);

    private final UsageBuffer buffer;
    private final UsageRepository repository;
    private final int batchSize;
    private final Duration flushInterval;
    private final Counter written;
    private final Counter droppedOnFailure;
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final WarningThrottle failureWarnings = new WarningThrottle(FAILURE_WARNING_INTERVAL);
    private final Object writeLock = new Object();

    private volatile ScheduledExecutorService executor;

    public UsageBatchWriter(
            UsageBuffer buffer,
            UsageRepository repository,
            int batchSize,
            Duration flushInterval,
            MeterRegistry meterRegistry) {
        this.buffer = buffer;
        this.repository = repository;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.written = UsageMetrics.writtenRecords(meterRegistry);
        this.droppedOnFailure = UsageMetrics.droppedRecords(meterRegistry, "write_failed");
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-writer");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMs = flushInterval.toMillis();
        started.scheduleWithFixedDelay(this::flush, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        executor = started;
        log.info("Started writing usage records in batches of {} at least every {}.", batchSize, flushInterval);
    }

    /** Writes what is left in the buffer after the background thread has finished its current batch. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping = executor;
        executor = null;
        if (stopping != null) {
            stopping.shutdown();
            try {
                if (!stopping.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("The usage writer did not finish its batch within {}; writing the rest.", SHUTDOWN_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int flushed = flush();
        log.info("Stopped writing usage records after writing the last {} on shutdown.", flushed);
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Asks the background thread to write now, because a full batch is waiting. Cheap to call from the request path:
     * it schedules at most one extra flush at a time and returns at once.
     */
    public void requestFlush() {
        ScheduledExecutorService current = executor;
        if (current == null || !flushRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                flushRequested.set(false);
                flush();
            });
        } catch (RejectedExecutionException e) {
            // The writer is stopping, and stop() writes the rest.
            flushRequested.set(false);
        }
    }

    /**
     * Writes every buffered record in batches and returns how many were written. A caller that flushes while the
     * background thread writes waits for that batch, so on return every record buffered before the call is stored
     * or counted as dropped.
     */
    public int flush() {
        synchronized (writeLock) {
            int total = 0;
            List<UsageRecord> batch = buffer.take(batchSize);
            while (!batch.isEmpty()) {
                total += write(batch);
                batch = buffer.take(batchSize);
            }
            return total;
        }
    }

    private int write(List<UsageRecord> batch) {
        try {
            repository.insertAll(batch);
            written.increment(batch.size());
            return batch.size();
        } catch (RuntimeException e) {
            // Any failure is caught, because an exception escaping a scheduled task would stop all later flushes.
            droppedOnFailure.increment(batch.size());
            warnAtLimitedRate(batch.size(), e);
            return 0;
        }
    }

    private void warnAtLimitedRate(int lost, RuntimeException failure) {
        if (failureWarnings.tryAcquire()) {
            log.warn("Failed to write {} usage records; they are dropped.", lost, failure);
        } else {
            log.debug("Failed to write {} usage records; they are dropped.", lost, failure);
        }
    }
}
