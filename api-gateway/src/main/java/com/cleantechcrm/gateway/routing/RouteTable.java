package com.cleantechcrm.gateway.routing;

import static com.cleantechcrm.gateway.apikey.ApiScope.ADMIN;
import static com.cleantechcrm.gateway.apikey.ApiScope.LEADS_READ;
import static com.cleantechcrm.gateway.apikey.ApiScope.LEADS_WRITE;
import static com.cleantechcrm.gateway.apikey.ApiScope.STATS_READ;
import static com.cleantechcrm.gateway.routing.DownstreamService.COMMAND;
import static com.cleantechcrm.gateway.routing.DownstreamService.GATEWAY;
import static com.cleantechcrm.gateway.routing.DownstreamService.QUERY;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every public endpoint of the product. A path that no route matches is unknown to the gateway and is never
 * forwarded. The first route that matches a method and path wins. Trailing slashes are removed before the lookup, so {@code /leads/} finds {@code /leads}.
 */
@Component
public class RouteTable {

    public static final List<GatewayRoute> ROUTES = List.of(
            new GatewayRoute(POST, "/leads", LEADS_WRITE, COMMAND),
            new GatewayRoute(GET, "/leads", LEADS_READ, QUERY),
            new GatewayRoute(GET, "/leads/stats/growth", STATS_READ, QUERY),
            new GatewayRoute(GET, "/leads/{id}", LEADS_READ, QUERY),
            new GatewayRoute(GET, "/leads/{id}/history", LEADS_READ, QUERY),
            new GatewayRoute(PUT, "/leads/{id}/compliance", LEADS_WRITE, COMMAND),
            new GatewayRoute(PUT, "/leads/{id}/procurement", LEADS_WRITE, COMMAND),
            new GatewayRoute(POST, "/leads/{id}/lifecycle", LEADS_WRITE, COMMAND),
            new GatewayRoute(PUT, "/leads/{id}/deal-value", LEADS_WRITE, COMMAND),
            new GatewayRoute(POST, "/leads/{id}/playbook", LEADS_WRITE, COMMAND),
            new GatewayRoute(POST, "/admin/read-models/rebuild", ADMIN, QUERY),
            new GatewayRoute(GET, "/admin/read-models/rebuild/status", ADMIN, QUERY),
            new GatewayRoute(POST, "/admin/api-keys", ADMIN, GATEWAY),
            new GatewayRoute(GET, "/admin/api-keys", ADMIN, GATEWAY),
            // Before /admin/api-keys/{id}, which would also match "events".
            new GatewayRoute(GET, "/admin/api-keys/events", ADMIN, GATEWAY),
            new GatewayRoute(GET, "/admin/api-keys/{id}", ADMIN, GATEWAY),
            new GatewayRoute(POST, "/admin/api-keys/{id}/rotate", ADMIN, GATEWAY),
            new GatewayRoute(POST, "/admin/api-keys/{id}/revoke", ADMIN, GATEWAY),
            new GatewayRoute(PUT, "/admin/api-keys/{id}/expiry", ADMIN, GATEWAY),
            new GatewayRoute(GET, "/usage", ADMIN, GATEWAY));

    private final List<ParsedRoute> parsedRoutes = ROUTES.stream()
            .map(route -> new ParsedRoute(route, route.parsedPattern()))
            .toList();

    private record ParsedRoute(GatewayRoute route, PathPattern pattern) {}

    public RouteMatch resolve(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (ParsedRoute parsed : parsedRoutes) {
            if (!parsed.pattern().matches(container)) {
                continue;
            }
            if (parsed.route().method().equals(method)) {
                return new RouteMatch.Found(parsed.route());
            }
            allowed.add(parsed.route().method());
        }
        if (allowed.isEmpty()) {
            return new RouteMatch.NotFound();
        }
        return new RouteMatch.MethodNotAllowed(allowed);
    }
}
