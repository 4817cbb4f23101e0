package com.cleantechcrm.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the relay from the event store to Kafka.
 *
 * @param sendTimeout how long the relay waits for Kafka to acknowledge one event before the send fails and the event
 *     is retried. It must stay below Axon's event handler timeout, which Axon 4.13 sets to 30 seconds by default
 *     ({@code axon.timeout.handler.events.timeout-ms}).
 */
@ConfigurationProperties("crm.relay")
record RelayProperties(Duration sendTimeout) {

    RelayProperties {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
    }
}
