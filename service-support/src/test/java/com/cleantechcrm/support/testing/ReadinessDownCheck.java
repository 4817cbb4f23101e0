package com.cleantechcrm.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs a service against a Kafka broker of its own and against PostgreSQL through a TCP proxy. The test then stops the
 * broker and closes the proxy, and checks that readiness goes DOWN with the failed component while liveness stays UP.
 * A service test extends it and names its application class and schema.
 */
public abstract class ReadinessDownCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    private EmbeddedKafkaKraftBroker broker;
    private TcpProxy database;
    private RunningService service;

    /** Returns the Spring Boot application class of the service under test. */
    protected abstract Class<?> applicationClass();

    /** Returns the schema of the test database that the service uses. */
    protected abstract String schema();

    @AfterEach
    void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void readinessFollowsKafkaAndDatabase() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        // The proxy forwards to PostgreSQL on this machine; CRM_TEST_DB_HOST is not used here.
        database = TcpProxy.start(Integer.parseInt(System.getenv().getOrDefault("CRM_TEST_DB_PORT", "5432")));
        service = RunningService.start(
                applicationClass(),
                Map.of(
                        "server.port", "0",
                        "spring.embedded.kafka.brokers", broker.getBrokersAsString(),
                        "spring.datasource.url", database.jdbcUrl(schema()),
                        // A health check must not wait Hikari's default 30 seconds for a connection.
                        "spring.datasource.hikari.connection-timeout", "2000",
                        "spring.datasource.hikari.validation-timeout", "1000"));
        await().atMost(TIMEOUT).until(() -> service.status(READINESS) == 200);

        broker.destroy();
        broker = null;

        await().atMost(TIMEOUT).until(() -> service.status(READINESS) == 503);
        assertThat(service.json(READINESS).path("status").asText()).isEqualTo("DOWN");
        assertThat(service.componentStatus(READINESS, "kafka")).isEqualTo("DOWN");
        assertThat(service.componentStatus(READINESS, "db")).isEqualTo("UP");
        assertThat(service.status(LIVENESS)).isEqualTo(200);

        database.close();

        await().atMost(TIMEOUT).until(() -> "DOWN".equals(service.componentStatus(READINESS, "db")));
        assertThat(service.status(READINESS)).isEqualTo(503);
        assertThat(service.status(LIVENESS)).isEqualTo(200);
    }
}
