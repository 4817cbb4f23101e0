package com.cleantechcrm.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.method;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.cleantechcrm.support.web.RequestIds;
import java.net.http.HttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Proxies every route of the {@link RouteTable} to its service with Spring Cloud Gateway Server MVC. Status, headers
 * (except hop-by-hop ones) and body of the service's response, errors included, pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(DownstreamProperties.class)
class GatewayRoutesConfiguration {

    @Bean
    RouterFunction<ServerResponse> crmServiceRoutes(DownstreamProperties downstream, InternalTokenIssuer tokenIssuer) {
        RouterFunctions.Builder builder = GatewayRouterFunctions.route("crm-services");
        for (GatewayRoute route : RouteTable.ROUTES) {
            if (!route.target().isForwarded()) {
                continue;
            }
            builder.route(method(route.method()).and(path(route.pattern())), http(downstream.urlOf(route.target())));
        }
        return builder.before(new DownstreamIdentity(tokenIssuer))
                .onError(DownstreamFailures::isUnavailable, DownstreamFailures::serviceUnavailable)
                .build();
    }

    /**
     * Makes the HTTP client speak HTTP/1.1 to the services. The JDK client defaults to HTTP/2 and, on plain
     * {@code http://}, requests an upgrade on every new connection with {@code Upgrade: h2c} headers that the services ignore.
     */
    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11ToServices() {
        return builder -> builder.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }

    /**
     * Drops {@code X-Request-Id} from service responses: the gateway already set it on the response to the same id,
     * and passing the service's copy through would send the header twice.
     */
    @Bean
    HttpHeadersFilter.ResponseHttpHeadersFilter removeServiceRequestIdHeader() {
        return (headers, response) -> {
            HttpHeaders filtered = new HttpHeaders();
            filtered.putAll(headers);
            filtered.remove(RequestIds.HEADER);
            return filtered;
        };
    }
}
