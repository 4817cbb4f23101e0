package com.cleantechcrm.gateway.web;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;

/**
 * The order of the gateway's servlet filters. The request id, trailing slash and body size filters of
 * service-support run first, at {@link Ordered#HIGHEST_PRECEDENCE} to {@code HIGHEST_PRECEDENCE + 2}.
 */
public final class GatewayFilterOrder {

    /**
     * After the request id filter and before the body size filter, so that the log line carries the request id and
     * also covers requests rejected with 413 or 401. It shares its order with the trailing slash filter, which never
     * writes a response itself, because service-support leaves no free order between its filters.
     */
    public static final int REQUEST_LOG = Ordered.HIGHEST_PRECEDENCE + 1;

    /** Spring Security's chain, which authenticates the API key. */
    public static final int SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER;

    /**
     * Rate limits, right after authentication and before the route lookup, so that every authenticated request counts
     * and every response to one carries the limit headers, including 404, 405 and 403. A body whose declared length
     * exceeds the limit is rejected with 413 earlier, by service-support's body size filter, so that response has no
     * limit headers. A chunked body found too large while buffering gets them.
     */
    public static final int RATE_LIMIT = SECURITY + 5;

    /** Route lookup (404, 405) and the scope check (403), once the caller is known. */
    public static final int ROUTE_ACCESS = SECURITY + 10;

    /** Reads the body of a request about to be forwarded, so an oversized one is rejected before forwarding. */
    public static final int BODY_BUFFERING = SECURITY + 30;

    private GatewayFilterOrder() {}
}
