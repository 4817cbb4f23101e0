package com.cleantechcrm.command.relay;

import com.cleantechcrm.events.LeadTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The relay's topics and its error handling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    /** Retention -1 keeps every event, so that a new read model can be built from the topic alone. */
    private static final String UNLIMITED_RETENTION = "-1";

    // NOTE: Spring Kafka's KafkaAdmin adds partitions to an existing topic that has fewer than configured, which
    // moves lead ids to other partitions. Raise CRM_KAFKA_TOPIC_PARTITIONS only on an empty topic.
    @Bean
    NewTopic leadEventsTopic(RelayProperties properties) {
        return topic(LeadTopics.LEAD_EVENTS, properties);
    }

    @Bean
    NewTopic leadEventsDeadLetterTopic(RelayProperties properties) {
        return topic(LeadTopics.LEAD_EVENTS_DEAD_LETTER, properties);
    }

    /**
     * Replaces Axon's default handler for the relay, which logs a failed event and moves on, with one that rethrows,
     * so the processor retries the event instead of advancing its token past it.
     */
    @Bean
    ConfigurerModule relayErrorHandling() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        LeadEventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    private static NewTopic topic(String name, RelayProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, UNLIMITED_RETENTION)
                .build();
    }
}
