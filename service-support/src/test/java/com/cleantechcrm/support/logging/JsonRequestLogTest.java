package com.cleantechcrm.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "crm.log.format=json")
class JsonRequestLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    InternalTokenIssuer issuer;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestLineHasEveryFieldAsJson(CapturedOutput output) throws Exception {
        UUID organization = UUID.randomUUID();
        UUID leadId = new UUID(7, 9);
        String token = issuer.issue(new Caller(organization, "key-json-1", Set.of("leads:read")));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads/" + leadId))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Request-Id", "json-log-1")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        JsonNode line = awaitJsonLine(output, "json-log-1");
        assertThat(line.path("request_id").asText()).isEqualTo("json-log-1");
        assertThat(line.path("organization_id").asText()).isEqualTo(organization.toString());
        assertThat(line.path("api_key_id").asText()).isEqualTo("key-json-1");
        assertThat(line.path("http_method").asText()).isEqualTo("GET");
        assertThat(line.path("route").asText()).isEqualTo("/leads/{id}");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("duration_ms").isNumber()).isTrue();
        assertThat(line.path("message").asText()).startsWith("Handled GET /leads/{id} with status 200");
        assertThat(output.getOut()).doesNotContain(token);
    }

    @Test
    void rejectedRequestIsLoggedWithStatus(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads/" + new UUID(1, 2)))
                        .header("X-Request-Id", "json-log-2")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);

        JsonNode line = awaitJsonLine(output, "json-log-2");
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("http_method").asText()).isEqualTo("GET");
        assertThat(line.path("organization_id").asText()).isEqualTo("-");
    }

    /**
     * Returns the first request log line, parsed, whose request id is {@code requestId}, waiting up to 5 seconds,
     * because the client can receive the response before the server writes its log line.
     */
    private static JsonNode awaitJsonLine(CapturedOutput output, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> line = output.getOut()
                    .lines()
                    .filter(candidate -> candidate.startsWith("{"))
                    .map(JsonRequestLogTest::parse)
                    .filter(json -> requestId.equals(json.path("request_id").asText()))
                    .filter(json -> json.has("route"))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "No JSON request log line has request_id " + requestId + " after 5 seconds:\n" + output.getOut());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("A console line starting with { is not JSON: " + line, e);
        }
    }
}
