package com.cleantechcrm.gateway.routing;

import java.util.Set;
import org.springframework.http.HttpMethod;

/** The result of looking up a method and path in the route table. */
public sealed interface RouteMatch permits RouteMatch.Found, RouteMatch.MethodNotAllowed, RouteMatch.NotFound {

    record Found(GatewayRoute route) implements RouteMatch {}

    /** The path exists, but not with this method; {@code allowed} lists the methods it has. */
    record MethodNotAllowed(Set<HttpMethod> allowed) implements RouteMatch {}

    record NotFound() implements RouteMatch {}
}
