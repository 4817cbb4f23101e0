package com.cleantechcrm.gateway.routing;

import com.cleantechcrm.gateway.apidoc.ApiDocumentationPaths;
import com.cleantechcrm.gateway.security.ApiKeyAuthenticationToken;
import com.cleantechcrm.gateway.security.GatewayErrors;
import com.cleantechcrm.support.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks the request up in the {@link RouteTable} after authentication: an unknown path gets 404, a known path with
 * another method gets 405 with {@code Allow}, and a key without the route's scope gets 403. Only requests that pass
 * reach the proxy. Actuator paths are left to Spring Boot, and the API documentation paths to springdoc and the
 * gateway's document controller.
 */
public class RouteAccessFilter extends OncePerRequestFilter {

    /** Request attribute with the matched {@link GatewayRoute}. */
    public static final String ROUTE_ATTRIBUTE = RouteAccessFilter.class.getName() + ".route";

    private final RouteTable routeTable;
    private final GatewayErrors errors;

    public RouteAccessFilter(RouteTable routeTable, GatewayErrors errors) {
        this.routeTable = routeTable;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator")
                || path.startsWith("/actuator/")
                || ApiDocumentationPaths.isDocumentationPath(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RouteMatch match = routeTable.resolve(HttpMethod.valueOf(request.getMethod()), request.getRequestURI());

        if (match instanceof RouteMatch.NotFound) {
            errors.write(response, ErrorCode.NOT_FOUND, "No resource exists at this path.");
            return;
        }
        if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            String allowed = notAllowed.allowed().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            response.setHeader(HttpHeaders.ALLOW, allowed);
            errors.write(
                    response,
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "Method " + request.getMethod() + " is not allowed on this path; allowed: " + allowed + ".");
            return;
        }

        GatewayRoute route = ((RouteMatch.Found) match).route();
        request.setAttribute(ROUTE_ATTRIBUTE, route);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiKeyAuthenticationToken token)
                || !token.key().hasScope(route.scope())) {
            errors.writeForbidden(response, route.scope().value());
            return;
        }
        String invalidHeader = firstNonAsciiHeader(request);
        if (invalidHeader != null) {
            errors.write(
                    response,
                    ErrorCode.VALIDATION_FAILED,
                    "Header " + invalidHeader + " must contain only printable ASCII characters.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Returns the name of a header whose value has bytes outside printable ASCII, or null. Such bytes would not survive
     * forwarding: two different non-ASCII idempotency keys would reach the command service as the same text.
     */
    private static String firstNonAsciiHeader(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7E)) {
                    return name;
                }
            }
        }
        return null;
    }
}
