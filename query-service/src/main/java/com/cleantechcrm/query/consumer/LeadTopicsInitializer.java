package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.LeadTopics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the lead-event topic and its dead-letter topic when they are missing, before the listener starts. An
 * existing topic is left as it is. Spring Kafka's {@code NewTopic} beans are not used because they add partitions to
 * an existing topic with fewer, which would move lead ids to other partitions and break the order of their events.
 * When Kafka is unreachable the service still starts, and the consumer waits for the topic.
 */
@Component
class LeadTopicsInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LeadTopicsInitializer.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final int partitions;

    LeadTopicsInitializer(Admin admin, @Value("${crm.kafka.topic-partitions}") int partitions) {
        this.admin = admin;
        this.partitions = partitions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String topic : List.of(LeadTopics.LEAD_EVENTS, LeadTopics.LEAD_EVENTS_DEAD_LETTER)) {
            createIfMissing(topic);
        }
    }

    private void createIfMissing(String topic) {
        // Unlimited retention keeps every event, because a rebuild replays the topic from its first record.
        NewTopic request = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try {
            admin.createTopics(List.of(request)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} with {} partitions and unlimited retention.", topic, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                log.debug("Kafka topic {} exists already and is left unchanged.", topic);
            } else {
                log.error(
                        "Failed to create Kafka topic {}, so the consumer waits until it exists.", topic, e.getCause());
            }
        } catch (TimeoutException e) {
            log.error(
                    "Timed out after {} s creating Kafka topic {}, so the consumer waits until it exists.",
                    TIMEOUT_SECONDS,
                    topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
