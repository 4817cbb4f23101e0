package com.cleantechcrm.support.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster responds, by asking it for its id and brokers within 3 seconds. Spring Boot 3.5
 * ships no Kafka health indicator, and both the relay and the consumer stall while Kafka is down, so readiness
 * includes this check.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** One client for every check, because probes run every few seconds and each new client logs its settings. */
    private final AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.client = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster =
                    client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up()
                    .withDetail("cluster_id", clusterId)
                    .withDetail("brokers", brokers)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down(e).build();
        }
    }

    @Override
    public void destroy() {
        client.close(TIMEOUT);
    }
}
