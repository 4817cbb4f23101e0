package com.cleantechcrm.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.time.Instant;

/**
 * One limit: at most {@code quota} requests in each fixed window of length {@code window}. Windows are aligned to
 * the Unix epoch in UTC, so a minute window starts on the minute, a 10-second window at :00, :10, :20 and so on,
 * and a day window at midnight UTC. Every gateway instance computes the same windows.
 *
 * @param name the policy name in headers and error details: {@code minute}, {@code burst} or {@code day}
 * @param scope what the limit counts: the API key or the whole organisation
 */
public record LimitPolicy(String name, LimitScope scope, long quota, Duration window) {

    public static final String MINUTE = "minute";
    public static final String BURST = "burst";
    public static final String DAY = "day";

    /** What a limit counts requests of. */
    public enum LimitScope {
        API_KEY,
        ORGANIZATION
    }

    public long windowSeconds() {
        return window.toSeconds();
    }

    /** Returns the end of the window that contains {@code at}, which is when the quota is full again. */
    public Instant windowEnd(Instant at) {
        long windowMillis = window.toMillis();
        long start = Math.floorDiv(at.toEpochMilli(), windowMillis) * windowMillis;
        return Instant.ofEpochMilli(start + windowMillis);
    }

    /**
     * Returns the Bucket4j bandwidth of this limit: full at the start of every window and never refilled in between.
     * The first refill is one window after the epoch, so all later refills fall on window starts.
     */
    Bandwidth bandwidth() {
        return Bandwidth.builder()
                .capacity(quota)
                .refillIntervallyAligned(quota, window, Instant.EPOCH.plus(window))
                .id(name)
                .build();
    }
}
