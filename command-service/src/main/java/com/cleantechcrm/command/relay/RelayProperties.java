package com.cleantechcrm.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the relay from the event store to Kafka.
 *
 * @param sendTimeout how long the relay waits for Kafka to acknowledge one event before the send fails and the event
 *     is retried. It must stay below Axon's event handler timeout, which Axon 4.13 sets to 30 seconds by default
 *     ({@code axon.timeout.handler.events.timeout-ms}).
 * @param topicPartitions partitions of the lead event topics when the relay creates them
 * @param topicReplicas replication factor of those topics, where 1 suits a single local broker
 */
@ConfigurationProperties("crm.relay")
record RelayProperties(Duration sendTimeout, Integer topicPartitions, Short topicReplicas) {

    RelayProperties {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        topicReplicas = topicReplicas == null ? 1 : topicReplicas;
    }
}
