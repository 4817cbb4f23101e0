package com.cleantechcrm.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import com.cleantechcrm.gateway.apikey.ApiKeyService;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A gateway of its own with a buffer of three records and a flush interval of an hour, so that nothing is written
 * before it shuts down: requests beyond the buffer are dropped and counted, never waited for, and closing the
 * application writes the buffered records.
 */
class UsageBufferLimitTest {

    private static final FakeService QUERY_SERVICE = FakeService.start("query-service");

    private static final Pattern BUFFER_FULL_DROPS =
            Pattern.compile("crm_gateway_usage_records_dropped_total\\{[^}]*reason=\"buffer_full\"[^}]*} (\\S+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterAll
    static void stopFakeService() {
        QUERY_SERVICE.close();
    }

    private ConfigurableApplicationContext startGateway() {
        return new SpringApplicationBuilder(ApiGatewayApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--crm.usage.buffer-capacity=3",
                        "--crm.usage.batch-size=100",
                        "--crm.usage.flush-interval=1h",
                        "--crm.gateway.command-service-url=" + QUERY_SERVICE.baseUrl(),
                        "--crm.gateway.query-service-url=" + QUERY_SERVICE.baseUrl());
    }

    private HttpResponse<String> get(int port, String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double bufferFullDrops(int port) throws Exception {
        Matcher matcher = BUFFER_FULL_DROPS.matcher(
                get(port, "/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static long storedCount(JdbcClient jdbc, UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM api_request WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    @Test
    void fullBufferDropsAndShutdownFlushes() throws Exception {
        ConfigurableApplicationContext gateway = startGateway();
        try {
            JdbcClient database = JdbcClient.create(separateDataSource(gateway.getEnvironment()));
            int port = ((ServletWebServerApplicationContext) gateway)
                    .getWebServer()
                    .getPort();
            CreatedApiKey key = gateway.getBean(ApiKeyService.class)
                    .create("usage-buffer-" + UUID.randomUUID(), "buffer test", Set.of(ApiScope.LEADS_READ), null);
            UUID organizationId = key.organization().id();

            for (int i = 0; i < 8; i++) {
                assertThat(get(port, "/leads", key.key()).statusCode())
                        .as("status of request %d", i)
                        .isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(bufferFullDrops(port)).isEqualTo(5.0));
            assertThat(gateway.getBean(UsageBuffer.class).size()).isEqualTo(3);
            assertThat(storedCount(database, organizationId)).isZero();

            gateway.close();

            assertThat(storedCount(database, organizationId)).isEqualTo(3);
        } finally {
            gateway.close();
        }
    }

    /** A connection source that outlives the gateway's own pool, which closes with the gateway. */
    private static DataSource separateDataSource(Environment environment) {
        return new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }
}
