package com.cleantechcrm.gateway.usage;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.gateway.routing.GatewayRoute;
import com.cleantechcrm.gateway.routing.RouteAccessFilter;
import com.cleantechcrm.gateway.security.ApiKeyAuthenticationFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;

/**
 * Records each authenticated request for usage analytics once its status and duration are known. It only adds to the
 * in-memory {@link UsageBuffer}, so it never waits for the database; requests without a valid key are not recorded.
 */
public class UsageRecorder {

    private final UsageBuffer buffer;
    private final UsageBatchWriter writer;
    private final int batchSize;
    private final Clock clock;

    public UsageRecorder(UsageBuffer buffer, UsageBatchWriter writer, int batchSize, Clock clock) {
        this.buffer = buffer;
        this.writer = writer;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Records the finished request; does nothing when no API key authenticated it. */
    public void record(HttpServletRequest request, int status, long durationMs) {
        if (!(request.getAttribute(ApiKeyAuthenticationFilter.AUTHENTICATED_KEY_ATTRIBUTE)
                instanceof AuthenticatedKey key)) {
            return;
        }
        Object route = request.getAttribute(RouteAccessFilter.ROUTE_ATTRIBUTE);
        String routePattern =
                route instanceof GatewayRoute gatewayRoute ? gatewayRoute.pattern() : UsageRecord.UNMATCHED_ROUTE;
        Instant receivedAt = clock.instant().minusMillis(durationMs);

        int waiting = buffer.add(new UsageRecord(
                receivedAt, key.organizationId(), key.keyId(), request.getMethod(), routePattern, status, durationMs));
        if (waiting >= batchSize) {
            writer.requestFlush();
        }
    }
}
