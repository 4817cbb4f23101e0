package com.cleantechcrm.gateway.ratelimit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of counting one request against its limits, with the state of every limit afterwards. A rejected
 * request consumed nothing, so the states of a rejection are those before it.
 *
 * @param decidedAt the time the limits were checked at
 */
public record RateLimitDecision(boolean admitted, List<LimitState> states, Instant decidedAt) {

    /** Fewest requests left first; among equals, the one that resets last, because it blocks longest. */
    private static final Comparator<LimitState> CLOSEST_TO_EXHAUSTION = Comparator.comparingLong(LimitState::remaining)
            .thenComparing(LimitState::resetAt, Comparator.reverseOrder());

    public RateLimitDecision {
        states = List.copyOf(states);
    }

    /**
     * Returns the limit with the fewest requests left. For a rejected request this is the exhausted limit that resets
     * last, which is the one that rejected it: the request can only succeed once every exhausted limit has reset.
     */
    public LimitState closestToExhaustion() {
        return states.stream().min(CLOSEST_TO_EXHAUSTION).orElseThrow();
    }

    /** Returns the seconds a rejected request has to wait until every exhausted limit has reset, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, closestToExhaustion().secondsUntilReset(decidedAt));
    }
}
