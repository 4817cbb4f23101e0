package com.cleantechcrm.gateway.ratelimit;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.gateway.security.ApiKeyAuthenticationFilter;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponse;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import com.cleantechcrm.support.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated request against the limits of its key and organisation, and puts the limit state on the
 * response (see {@link RateLimitHeaders}) before the rest of the chain runs, so the headers are on every response to
 * an authenticated request, the gateway's errors and the services' responses alike. A request over a limit gets 429
 * with {@code Retry-After} and is not passed on. When the counter store fails, the request gets 503: a gateway that
 * cannot count does not admit, and the same database holds the API keys.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final BucketRateLimiter limiter;
    private final LimitPolicies policies;
    private final RateLimitRejections rejections;
    private final ErrorResponseWriter errorWriter;

    public RateLimitFilter(
            BucketRateLimiter limiter,
            LimitPolicies policies,
            RateLimitRejections rejections,
            ErrorResponseWriter errorWriter) {
        this.limiter = limiter;
        this.policies = policies;
        this.rejections = rejections;
        this.errorWriter = errorWriter;
    }

    /** Skips the open actuator endpoints, which operators call, and requests without an authenticated key. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator")
                || path.startsWith("/actuator/")
                || !(request.getAttribute(ApiKeyAuthenticationFilter.AUTHENTICATED_KEY_ATTRIBUTE)
                        instanceof AuthenticatedKey);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuthenticatedKey key =
                (AuthenticatedKey) request.getAttribute(ApiKeyAuthenticationFilter.AUTHENTICATED_KEY_ATTRIBUTE);
        RateLimitDecision decision;
        try {
            decision = limiter.consume(key, policies.limitsOf(key.organizationId()));
        } catch (RateLimitStoreUnavailableException | DataAccessException e) {
            rejections.recordStoreFailure();
            log.warn(
                    "Rejected request {} of API key {} with 503 because the rate-limit store failed: {} (cause {}).",
                    RequestIds.current(),
                    key.keyId(),
                    e.getMessage(),
                    NestedExceptionUtils.getMostSpecificCause(e).getClass().getName());
            writeStoreUnavailable(response);
            return;
        }

        RateLimitHeaders.write(response, decision);
        if (!decision.admitted()) {
            LimitState limit = decision.closestToExhaustion();
            rejections.recordRejection(limit.policy().name());
            log.debug(
                    "Rejected request {} of API key {} of organization {}: limit {} is exhausted.",
                    RequestIds.current(),
                    key.keyId(),
                    key.organizationId(),
                    limit.policy().name());
            writeRateLimited(response, decision);
            return;
        }
        chain.doFilter(request, response);
    }

    private void writeRateLimited(HttpServletResponse response, RateLimitDecision decision) throws IOException {
        LimitState limit = decision.closestToExhaustion();
        LimitPolicy policy = limit.policy();
        long retryAfter = decision.retryAfterSeconds();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", policy.name());
        details.put("scope", policy.scope().name().toLowerCase());
        details.put("quota", policy.quota());
        details.put("window_seconds", policy.windowSeconds());
        details.put("reset_at", limit.resetAt().toString());
        details.put("retry_after_seconds", retryAfter);
        String message = "Rate limit '" + policy.name() + "' exceeded: " + describe(policy) + ". Retry after "
                + retryAfter + " seconds.";
        errorWriter.write(
                response,
                ErrorResponse.of(ErrorCode.RATE_LIMITED, message, List.of(), details),
                ErrorCode.RATE_LIMITED.status());
    }

    private static String describe(LimitPolicy policy) {
        return switch (policy.name()) {
            case LimitPolicy.MINUTE -> "at most " + policy.quota() + " requests per minute per API key";
            case LimitPolicy.DAY -> "at most " + policy.quota() + " requests per day (UTC) per organisation";
            default ->
                "at most " + policy.quota() + " requests in " + policy.windowSeconds()
                        + " seconds per organisation, over all of its API keys";
        };
    }

    private void writeStoreUnavailable(HttpServletResponse response) throws IOException {
        String requestId = RequestIds.current();
        errorWriter.write(
                response,
                ErrorResponse.of(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "The rate-limit store is unavailable, so the request cannot be counted; retry later and quote"
                                + " the request id if it persists.",
                        List.of(),
                        Map.of("request_id", requestId == null ? "" : requestId)),
                ErrorCode.SERVICE_UNAVAILABLE.status());
    }
}
