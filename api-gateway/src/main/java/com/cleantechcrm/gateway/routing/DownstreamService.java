package com.cleantechcrm.gateway.routing;

/**
 * The services that handle public endpoints: writes go to command-service, reads and the rebuild to query-service.
 * {@link #GATEWAY} marks endpoints that the gateway's own controllers serve, such as API-key management, which are
 * never forwarded.
 */
public enum DownstreamService {
    COMMAND("command-service"),
    QUERY("query-service"),
    GATEWAY("api-gateway");

    private final String serviceName;

    DownstreamService(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public boolean isForwarded() {
        return this != GATEWAY;
    }
}
