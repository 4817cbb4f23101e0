package com.cleantechcrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The gateway with its rate-limit counters in a database that cannot be reached: a PostgreSQL data source pointing
 * at a local port that nothing listens on. API keys still come from the test database, so only the counting fails.
 */
@Import(RateLimitStoreUnavailableTest.UnreachableStore.class)
@DirtiesContext
class RateLimitStoreUnavailableTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableStore {

        /**
         * Not a bean, because a data source bean would replace the gateway's own, which holds the API keys. It is
         * closed when the test class ends.
         */
        static final HikariDataSource UNREACHABLE = unreachableDataSource();

        @Bean
        @Primary
        BucketRateLimiter unreachableBucketRateLimiter(TimeMeter timeMeter) {
            return new BucketRateLimiter(UNREACHABLE, timeMeter);
        }

        private static HikariDataSource unreachableDataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/test");
            config.setUsername("postgres");
            config.setConnectionTimeout(1000);
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void closeUnreachableDataSource() {
        UnreachableStore.UNREACHABLE.close();
    }

    @Test
    void unreachableStoreRejectsWith503() throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> response = send("GET", "/leads", key.key(), null);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("message").asText()).contains("rate-limit store");
        assertThat(error.path("details").path("request_id").asText()).isNotBlank();
        assertThat(error.path("details").path("validation_errors").isArray()).isTrue();
        assertThat(error.path("details").path("system_errors").isArray()).isTrue();
        assertThat(response.headers().firstValue("RateLimit")).isEmpty();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(send("GET", "/actuator/prometheus", null, null).body())
                .containsPattern("crm_gateway_rate_limit_store_failures_total(\\{[^}]*})? [1-9]");
    }
}
