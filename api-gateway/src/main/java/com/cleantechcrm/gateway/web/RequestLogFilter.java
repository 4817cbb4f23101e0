package com.cleantechcrm.gateway.web;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.gateway.routing.GatewayRoute;
import com.cleantechcrm.gateway.routing.RouteAccessFilter;
import com.cleantechcrm.gateway.security.ApiKeyAuthenticationFilter;
import com.cleantechcrm.gateway.usage.UsageRecorder;
import com.cleantechcrm.support.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs one line per request with the method, route pattern, status, duration, request id, organisation id and API
 * key id. The ids are also in the MDC under {@code request_id}, {@code organization_id} and {@code api_key_id}, and
 * the other fields are SLF4J key-value pairs, so a structured log format can carry them as fields. The API key itself
 * is never logged. The same request is then handed to the {@link UsageRecorder}.
 */
public class RequestLogFilter extends OncePerRequestFilter {

    /** The route name logged for a path that matches no route. */
    static final String UNMATCHED_ROUTE = "unmatched";

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    private final UsageRecorder usageRecorder;

    public RequestLogFilter(UsageRecorder usageRecorder) {
        this.usageRecorder = usageRecorder;
    }

    /** Leaves out the actuator endpoints, because health probes and metric scrapes would fill the log. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            logRequest(request, response, durationMs);
            usageRecorder.record(request, response.getStatus(), durationMs);
        }
    }

    private static void logRequest(HttpServletRequest request, HttpServletResponse response, long durationMs) {
        Object route = request.getAttribute(RouteAccessFilter.ROUTE_ATTRIBUTE);
        String routePattern = route instanceof GatewayRoute gatewayRoute ? gatewayRoute.pattern() : UNMATCHED_ROUTE;
        Object key = request.getAttribute(ApiKeyAuthenticationFilter.AUTHENTICATED_KEY_ATTRIBUTE);
        String organizationId = "-";
        String apiKeyId = "-";
        if (key instanceof AuthenticatedKey authenticatedKey) {
            organizationId = authenticatedKey.organizationId().toString();
            apiKeyId = authenticatedKey.keyId().toString();
            MDC.put(ApiKeyAuthenticationFilter.ORGANIZATION_ID_MDC_KEY, organizationId);
            MDC.put(ApiKeyAuthenticationFilter.API_KEY_ID_MDC_KEY, apiKeyId);
        }
        try {
            log.atInfo()
                    .addKeyValue("http_method", request.getMethod())
                    .addKeyValue("route", routePattern)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("duration_ms", durationMs)
                    .log(
                            "Handled {} {} with status {} in {} ms (request {}, organization {}, API key {}).",
                            request.getMethod(),
                            routePattern,
                            response.getStatus(),
                            durationMs,
                            RequestIds.current(),
                            organizationId,
                            apiKeyId);
        } finally {
            MDC.remove(ApiKeyAuthenticationFilter.ORGANIZATION_ID_MDC_KEY);
            MDC.remove(ApiKeyAuthenticationFilter.API_KEY_ID_MDC_KEY);
        }
    }
}
