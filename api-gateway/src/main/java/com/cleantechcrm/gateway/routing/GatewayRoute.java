package com.cleantechcrm.gateway.routing;

import com.cleantechcrm.gateway.apikey.ApiScope;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One public endpoint: its method and path pattern, the scope a key needs for it and the service that handles it.
 * The pattern is also the route name in request logs.
 */
public record GatewayRoute(HttpMethod method, String pattern, ApiScope scope, DownstreamService target) {

    public PathPattern parsedPattern() {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
