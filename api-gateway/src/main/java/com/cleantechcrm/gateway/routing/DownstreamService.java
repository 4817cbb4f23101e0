package com.cleantechcrm.gateway.routing;

/** The services behind the gateway: writes go to command-service, reads and the rebuild to query-service. */
public enum DownstreamService {
    COMMAND,
    QUERY
}
