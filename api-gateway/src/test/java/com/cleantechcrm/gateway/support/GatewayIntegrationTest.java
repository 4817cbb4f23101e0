package com.cleantechcrm.gateway.support;

import com.cleantechcrm.gateway.apikey.ApiKeyService;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running gateway on a random port, against the test database, with two {@link FakeService}s as command-service
 * and query-service. Subclasses share one Spring context. Metrics export stays on, which Spring Boot turns off in
 * tests by default, so that {@code /actuator/prometheus} can be tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    protected static final FakeService COMMAND_SERVICE = FakeService.start("command-service");
    protected static final FakeService QUERY_SERVICE = FakeService.start("query-service");

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("crm.gateway.command-service-url", COMMAND_SERVICE::baseUrl);
        registry.add("crm.gateway.query-service-url", QUERY_SERVICE::baseUrl);
    }

    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiKeyService apiKeyService;

    @BeforeEach
    void resetFakeServices() {
        COMMAND_SERVICE.reset();
        QUERY_SERVICE.reset();
    }

    protected CreatedApiKey createKey(ApiScope... scopes) {
        return createKey(null, scopes);
    }

    protected CreatedApiKey createKey(Instant expiresAt, ApiScope... scopes) {
        EnumSet<ApiScope> scopeSet = EnumSet.noneOf(ApiScope.class);
        scopeSet.addAll(List.of(scopes));
        return apiKeyService.create("test-org-" + UUID.randomUUID(), "test key", scopeSet, expiresAt);
    }

    protected HttpRequest.Builder request(String method, String path, String apiKey, String jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The request to the gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while calling the gateway", e);
        }
    }

    protected HttpResponse<String> send(String method, String path, String apiKey, String jsonBody) {
        return send(request(method, path, apiKey, jsonBody));
    }
}
