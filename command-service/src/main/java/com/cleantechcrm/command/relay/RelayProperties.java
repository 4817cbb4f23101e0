package com.cleantechcrm.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the relay from the event store to Kafka.
 *
 * @param sendTimeout how long the relay waits, before it commits a batch, for Kafka to acknowledge every event of the
 *     batch. When it runs out, the batch fails and is retried. The wait runs in the commit of the processor's unit of
 *     work, so it must stay below the transaction timeout Axon 4.13 sets for event processors (60 seconds by default).
 */
@ConfigurationProperties("crm.relay")
record RelayProperties(Duration sendTimeout) {

    RelayProperties {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
    }
}
