package com.cleantechcrm.gateway.security;

import com.cleantechcrm.gateway.apikey.ApiKeyAuthenticator;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.RejectionReason;
import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.support.error.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. A valid key becomes an {@link ApiKeyAuthenticationToken};
 * a header that is present but malformed, or names an unknown, revoked or expired key, gets 401 at once. A request
 * without the header goes on unauthenticated, so that the open actuator endpoints work and every other path gets
 * 401 from the security chain's entry point. A key that cannot be checked because the database is down gets 503.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute with the {@link AuthenticatedKey}, for the request log. */
    public static final String AUTHENTICATED_KEY_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".key";

    public static final String ORGANIZATION_ID_MDC_KEY = "organization_id";
    public static final String API_KEY_ID_MDC_KEY = "api_key_id";

    private static final String BEARER_PREFIX = "Bearer ";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeyAuthenticator authenticator;
    private final GatewayErrors errors;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, GatewayErrors errors) {
        this.authenticator = authenticator;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }

        if (!header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            authenticator.rejectWithoutKey(RejectionReason.MALFORMED);
            errors.writeUnauthorized(response, true);
            return;
        }
        ApiKeyCheck check;
        try {
            check = authenticator.authenticate(
                    header.substring(BEARER_PREFIX.length()).strip());
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            log.warn("Failed to check an API key because the gateway's database is unavailable: {}", e.toString());
            errors.writeServiceUnavailable(response);
            return;
        }
        if (!(check instanceof ApiKeyCheck.Accepted accepted)) {
            errors.writeUnauthorized(response, true);
            return;
        }

        AuthenticatedKey key = accepted.key();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthenticationToken(key));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED_KEY_ATTRIBUTE, key);
        MDC.put(ORGANIZATION_ID_MDC_KEY, key.organizationId().toString());
        MDC.put(API_KEY_ID_MDC_KEY, key.keyId().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ORGANIZATION_ID_MDC_KEY);
            MDC.remove(API_KEY_ID_MDC_KEY);
        }
    }
}
