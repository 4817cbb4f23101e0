package com.cleantechcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiKeyService;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService;
import com.cleantechcrm.gateway.support.FakeService.CannedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that refuses connections or responds too late gets 503 in the envelope. This class has its own context:
 * command-service points at a closed port and query-service responds after the 500 ms read timeout.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.http.client.read-timeout=500ms")
@ActiveProfiles("test")
class DownstreamUnavailableTest {

    private static final FakeService SLOW_QUERY_SERVICE = FakeService.start("slow query-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("crm.gateway.command-service-url", () -> "http://127.0.0.1:" + closedPort());
        registry.add("crm.gateway.query-service-url", SLOW_QUERY_SERVICE::baseUrl);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to find a free port", e);
        }
    }

    @AfterAll
    static void stopFakeService() {
        SLOW_QUERY_SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService apiKeyService;

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private CreatedApiKey createKey() {
        return apiKeyService.create(
                "test-org-" + UUID.randomUUID(), "test key", Set.of(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE), null);
    }

    @Test
    void refusedConnectionIsServiceUnavailable() throws Exception {
        CreatedApiKey key = createKey();

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads"))
                .header("Authorization", "Bearer " + key.key())
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-refused")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("details").path("request_id").asText()).isEqualTo("req-refused");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-refused");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.");
    }

    @Test
    void slowServiceIsServiceUnavailable() throws Exception {
        SLOW_QUERY_SERVICE.respondWith(new CannedResponse(200, Map.of(), "{\"late\":true}", Duration.ofMillis(2000)));
        CreatedApiKey key = createKey();

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads"))
                .header("Authorization", "Bearer " + key.key())
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("details").path("request_id").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }
}
