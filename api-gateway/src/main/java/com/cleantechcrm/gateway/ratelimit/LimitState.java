package com.cleantechcrm.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one limit stands after a request: requests left in the current window and when the window ends.
 *
 * @param remaining requests the limit still admits before {@code resetAt}
 * @param resetAt the end of the current window, when the quota is full again
 */
public record LimitState(LimitPolicy policy, long remaining, Instant resetAt) {

    public boolean isExhausted() {
        return remaining <= 0;
    }

    /** Returns the whole seconds from {@code now} until the reset, rounded up, and at least 0. */
    public long secondsUntilReset(Instant now) {
        long millis = Duration.between(now, resetAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
