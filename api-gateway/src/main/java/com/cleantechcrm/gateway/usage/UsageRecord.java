package com.cleantechcrm.gateway.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * One authenticated request as usage analytics store it. It names the API key by id; the key itself is never kept.
 *
 * @param receivedAt when the gateway received the request
 * @param route the route pattern from the route table, such as {@code /leads/{id}}, or {@link #UNMATCHED_ROUTE}
 * @param durationMs the time from receiving the request to the end of the response, in milliseconds
 */
public record UsageRecord(
        Instant receivedAt,
        UUID organizationId,
        UUID apiKeyId,
        String httpMethod,
        String route,
        int status,
        long durationMs) {

    /** The route of a request whose path matches no route, the same name the request log uses. */
    public static final String UNMATCHED_ROUTE = "unmatched";
}
