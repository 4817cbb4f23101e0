package com.cleantechcrm.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Logs one line per request that reaches a controller, with the method, route pattern, status, duration, organisation
 * and API key id. The request id comes from the MDC, and the fields are also SLF4J key-value pairs for structured logs.
 */
public class RequestLogInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestLogInterceptor.class);

    private static final String START_ATTRIBUTE = RequestLogInterceptor.class.getName() + ".start";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(START_ATTRIBUTE, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        Object start = request.getAttribute(START_ATTRIBUTE);
        long durationMs = start instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? request.getRequestURI() : pattern.toString();
        String organizationId = "-";
        String apiKeyId = "-";
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            organizationId = String.valueOf(jwt.getClaimAsString("org_id"));
            apiKeyId = String.valueOf(jwt.getSubject());
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
