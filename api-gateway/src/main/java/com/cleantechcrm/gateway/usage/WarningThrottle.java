package com.cleantechcrm.gateway.usage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets a repeated warning through at most once per interval, across threads. */
final class WarningThrottle {

    private final long intervalNanos;
    private final AtomicLong lastNanos;

    WarningThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Returns true when the interval has passed since the last warning let through, and starts a new interval. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        long last = lastNanos.get();
        return now - last >= intervalNanos && lastNanos.compareAndSet(last, now);
    }
}
