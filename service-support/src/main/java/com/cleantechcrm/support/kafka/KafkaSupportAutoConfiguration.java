package com.cleantechcrm.support.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service that talks to Kafka shares: the {@code kafka} health contributor (off with
 * {@code management.health.kafka.enabled=false}) and the creator of missing topics.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({AdminClient.class, KafkaAdmin.class})
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaSupportAutoConfiguration {

    @Bean("kafka")
    @ConditionalOnMissingBean(name = "kafka")
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    KafkaTopicCreator kafkaTopicCreator(
            KafkaAdmin kafkaAdmin,
            @Value("${crm.kafka.topic-partitions:6}") int partitions,
            @Value("${crm.kafka.topic-replicas:1}") short replicationFactor) {
        return new KafkaTopicCreator(kafkaAdmin, partitions, replicationFactor);
    }
}
