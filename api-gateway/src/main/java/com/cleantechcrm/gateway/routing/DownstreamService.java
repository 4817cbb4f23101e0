package com.cleantechcrm.gateway.routing;

/** The services behind the gateway: writes go to command-service, reads and the rebuild to query-service. */
public enum DownstreamService {
    COMMAND("command-service"),
    QUERY("query-service");

    private final String serviceName;

    DownstreamService(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
