package com.cleantechcrm.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Logs one line per request, rejected ones included, with the method, route pattern, status, duration, organisation
 * and API key id as SLF4J key-value pairs, so the JSON log format carries each as a field. The request id comes from
 * the MDC. Actuator requests are not logged, because health probes would fill the log.
 */
public class RequestLogFilter extends OncePerRequestFilter {

    /** The route logged for a request that matched no handler, such as one rejected before routing. */
    static final String UNMATCHED_ROUTE = "unmatched";

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

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
            logRequest(request, response, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void logRequest(HttpServletRequest request, HttpServletResponse response, long durationMs) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? UNMATCHED_ROUTE : pattern.toString();
        String organizationId = "-";
        String apiKeyId = "-";
        // Spring Security has cleared its thread-local context by now, but the bearer token filter also keeps the
        // context in this request attribute.
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (context instanceof SecurityContext securityContext) {
            Authentication authentication = securityContext.getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                Jwt jwt = token.getToken();
                organizationId = String.valueOf(jwt.getClaimAsString("org_id"));
                apiKeyId = String.valueOf(jwt.getSubject());
            }
        }
        log.atInfo()
                .addKeyValue("http_method", request.getMethod())
                .addKeyValue("route", route)
                .addKeyValue("status", response.getStatus())
                .addKeyValue("duration_ms", durationMs)
                .addKeyValue("organization_id", organizationId)
                .addKeyValue("api_key_id", apiKeyId)
                .log(
                        "Handled {} {} with status {} in {} ms (organization {}, API key {}).",
                        request.getMethod(),
                        route,
                        response.getStatus(),
                        durationMs,
                        organizationId,
                        apiKeyId);
    }
}
