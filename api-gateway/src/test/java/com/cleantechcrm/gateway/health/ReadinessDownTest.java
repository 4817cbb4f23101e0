package com.cleantechcrm.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import com.cleantechcrm.support.testing.RunningService;
import com.cleantechcrm.support.testing.TcpProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the gateway against PostgreSQL through a TCP proxy, closes the proxy, and checks that readiness goes DOWN
 * while liveness stays UP.
 */
class ReadinessDownTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    private TcpProxy database;
    private RunningService gateway;

    @AfterEach
    void stopEverything() {
        if (gateway != null) {
            gateway.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readinessFollowsDatabase() throws Exception {
        // The proxy forwards to PostgreSQL on this machine; CRM_TEST_DB_HOST is not used here.
        database = TcpProxy.start(Integer.parseInt(System.getenv().getOrDefault("CRM_TEST_DB_PORT", "5432")));
        gateway = RunningService.start(
                ApiGatewayApplication.class,
                Map.of(
                        "server.port", "0",
                        "spring.datasource.url", database.jdbcUrl("api_gateway_test"),
                        // A health check must not wait Hikari's default 30 seconds for a connection.
                        "spring.datasource.hikari.connection-timeout", "2000",
                        "spring.datasource.hikari.validation-timeout", "1000"));
        await().atMost(TIMEOUT).until(() -> gateway.status(READINESS) == 200);
        assertThat(gateway.componentStatus(READINESS, "db")).isEqualTo("UP");

        database.close();

        await().atMost(TIMEOUT).until(() -> gateway.status(READINESS) == 503);
        assertThat(gateway.componentStatus(READINESS, "db")).isEqualTo("DOWN");
        assertThat(gateway.status(LIVENESS)).isEqualTo(200);
    }
}
