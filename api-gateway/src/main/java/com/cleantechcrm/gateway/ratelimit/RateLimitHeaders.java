package com.cleantechcrm.gateway.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;

/**
 * Writes the limit state on a response, in two forms. The IETF fields of draft-ietf-httpapi-ratelimit-headers list
 * every policy with its quota {@code q} and window {@code w} in seconds, and give for the policy closest to exhaustion
 * the remaining requests {@code r} and the seconds {@code t} until it resets:
 *
 * <pre>
 * RateLimit-Policy: "minute";q=100;w=60, "burst";q=200;w=10, "day";q=10000;w=86400
 * RateLimit: "minute";r=42;t=17
 * </pre>
 *
 * The common {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} describe the same
 * policy; {@code X-RateLimit-Reset} is the reset time in seconds since the Unix epoch (UTC).
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private RateLimitHeaders() {}

    static void write(HttpServletResponse response, RateLimitDecision decision) {
        response.setHeader(POLICY, policies(decision));
        LimitState closest = decision.closestToExhaustion();
        long secondsUntilReset = closest.secondsUntilReset(decision.decidedAt());
        response.setHeader(
                STATE, "\"" + closest.policy().name() + "\";r=" + closest.remaining() + ";t=" + secondsUntilReset);
        response.setHeader(LIMIT, Long.toString(closest.policy().quota()));
        response.setHeader(REMAINING, Long.toString(closest.remaining()));
        response.setHeader(RESET, Long.toString(closest.resetAt().getEpochSecond()));
    }

    private static String policies(RateLimitDecision decision) {
        return decision.states().stream()
                .map(state -> "\"" + state.policy().name() + "\";q="
                        + state.policy().quota() + ";w=" + state.policy().windowSeconds())
                .collect(Collectors.joining(", "));
    }
}
