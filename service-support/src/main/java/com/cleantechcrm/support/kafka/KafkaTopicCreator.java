package com.cleantechcrm.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates missing topics with {@code crm.kafka.topic-partitions} partitions and unlimited retention, because a
 * rebuild replays a topic from its first record. An existing topic is left as it is: Spring Kafka's {@code NewTopic}
 * beans are not used, since they add partitions to an existing topic with fewer, which would move lead ids to other
 * partitions and break the order of their events.
 */
public class KafkaTopicCreator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicCreator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AdminClient client;
    private final int partitions;
    private final short replicationFactor;

    public KafkaTopicCreator(KafkaAdmin kafkaAdmin, int partitions, short replicationFactor) {
        this.client = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Creates each topic that does not exist yet, and returns whether all of them exist afterwards. */
    public boolean createMissing(List<String> topics) {
        boolean allExist = true;
        for (String topic : topics) {
            allExist &= createIfMissing(topic);
        }
        return allExist;
    }

    private boolean createIfMissing(String topic) {
        NewTopic request = new NewTopic(topic, Optional.of(partitions), Optional.of(replicationFactor))
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try {
            client.createTopics(List.of(request)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created Kafka topic {} with {} partitions and unlimited retention.", topic, partitions);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                log.debug("Kafka topic {} exists already and is left unchanged.", topic);
                return true;
            }
            log.error("Failed to create Kafka topic {}.", topic, e.getCause());
            return false;
        } catch (TimeoutException e) {
            log.error("Timed out after {} creating Kafka topic {}.", TIMEOUT, topic);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void destroy() {
        client.close(TIMEOUT);
    }
}
