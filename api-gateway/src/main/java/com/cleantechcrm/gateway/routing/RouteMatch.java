package com.cleantechcrm.gateway.routing;

import java.util.Set;
import org.springframework.http.HttpMethod;

/** What the route table found for a method and path. */
public sealed interface RouteMatch permits RouteMatch.Found, RouteMatch.MethodNotAllowed, RouteMatch.NotFound {

    record Found(GatewayRoute route) implements RouteMatch {}

    /** The path exists, but not with this method; {@code allowed} lists the methods it has. */
    record MethodNotAllowed(Set<HttpMethod> allowed) implements RouteMatch {}

    record NotFound() implements RouteMatch {}
}
