package com.cleantechcrm.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Base URLs of the services behind the gateway.
 *
 * @param commandServiceUrl base URL of command-service, such as {@code http://127.0.0.1:8081}
 * @param queryServiceUrl base URL of query-service, such as {@code http://127.0.0.1:8082}
 */
@ConfigurationProperties("crm.gateway")
public record DownstreamProperties(URI commandServiceUrl, URI queryServiceUrl) {

    public URI urlOf(DownstreamService service) {
        return switch (service) {
            case COMMAND -> commandServiceUrl;
            case QUERY -> queryServiceUrl;
            case GATEWAY -> throw new IllegalArgumentException("Gateway endpoints are served locally, not forwarded");
        };
    }
}
