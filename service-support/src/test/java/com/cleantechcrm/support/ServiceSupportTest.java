package com.cleantechcrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.cleantechcrm.support.security.InternalTokenProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSupportTest {

    private static final String VALID = "{\"name\":\"Ada\",\"score\":5,\"inner\":{\"color\":\"RED\",\"tags\":[]}}";

    @LocalServerPort
    int port;

    @Autowired
    InternalTokenIssuer issuer;

    @Autowired
    ObjectMapper objectMapper;

    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID organization = UUID.randomUUID();

    @Test
    void validBodyBindsAndCallerComesFromToken() throws Exception {
        HttpResponse<String> response = post("/leads", VALID, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("organization_id").asText()).isEqualTo(organization.toString());
    }

    @Test
    void trailingSlashReachesSameEndpoint() throws Exception {
        HttpResponse<String> response = post("/leads/", VALID, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        String body = "{\"name\":\"a very long name indeed\",\"score\":5.5,\"amount\":\"12\",\"extra\":1,"
                + "\"inner\":{\"color\":\"BLUE\",\"tags\":[\"ok\",\" \",\"toolong\",7]}}";

        HttpResponse<String> response = post("/leads", body, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(texts(error.get("details").get("validation_errors")))
                .containsExactlyInAnyOrder(
                        "name: size must be between 0 and 10",
                        "score: must be an integer",
                        "amount: must be a number",
                        "extra: unknown field",
                        "inner.color: must be one of RED, GREEN",
                        "inner.tags[1]: must not be blank",
                        "inner.tags[2]: size must be between 0 and 5",
                        "inner.tags[3]: must be a string");
        assertThat(error.get("message").asText()).isEqualTo("The request body has 8 invalid fields.");
    }

    @Test
    void missingRequiredFieldsAreReported() throws Exception {
        HttpResponse<String> response = post("/leads", "{\"inner\":null}", token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("error").get("details").get("validation_errors")))
                .containsExactlyInAnyOrder(
                        "name: must not be blank", "score: must not be null", "inner: must not be null");
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreInvalid() throws Exception {
        String body = "{\"name\":\"a\\u0000b\",\"score\":5,\"inner\":{\"color\":\"RED\","
                + "\"tags\":[\"x\\ud800y\",\"a\\tb\"]}}";

        HttpResponse<String> response = post("/leads", body, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("error").get("details").get("validation_errors")))
                .containsExactlyInAnyOrder(
                        "name: must not contain control characters", "inner.tags[0]: must be valid Unicode text");
    }

    @Test
    void decimalKeepsEveryDigit() throws Exception {
        String body = "{\"name\":\"Ada\",\"score\":5,\"amount\":100000000000000.01,"
                + "\"inner\":{\"color\":\"RED\",\"tags\":[]}}";

        HttpResponse<String> response = post("/leads", body, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("amount").asText()).isEqualTo("100000000000000.01");
    }

    @Test
    void contentAfterJsonIsMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/leads", VALID + " {}", token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(response).get("error").get("message").asText())
                .isEqualTo("The request body has more content after its JSON value.");
    }

    @Test
    void controlCharacterInQueryParameterIsInvalid() throws Exception {
        HttpResponse<String> response = get("/leads/" + UUID.randomUUID() + "?q=a%00b", token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(texts(error.get("details").get("validation_errors")))
                .containsExactly("q: must not contain control characters");
    }

    @Test
    void oversizedHeaderGetsEnvelopeFromTomcat() throws Exception {
        HttpRequest request = request("/leads/" + UUID.randomUUID(), token("leads:read"))
                .header("X-Padding", "x".repeat(20_000))
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void encodedNulInPathGetsEnvelopeFromTomcat() throws Exception {
        HttpResponse<String> response = get("/leads/%00", token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void malformedJsonIsMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/leads", "{\"name\":", token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(response).get("error").get("message").asText())
                .startsWith("The request body is not valid JSON at line 1, column ")
                .doesNotContain("Source")
                .doesNotContain("Feature");
    }

    @Test
    void duplicateKeyIsMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/leads", "{\"name\":\"a\",\"name\":\"b\"}", token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void nonObjectBodyIsMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/leads", "[1,2]", token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() throws Exception {
        HttpRequest request = request("/leads", token("leads:write"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() throws Exception {
        String body = "{\"name\":\"" + "x".repeat(5000) + "\"}";

        HttpResponse<String> response = post("/leads", body, token("leads:write"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedChunkedBodyIsPayloadTooLarge() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(5000) + "\"}").getBytes();
        HttpRequest request = request("/leads", token("leads:write"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        HttpResponse<String> response = get("/nothing/here", token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() throws Exception {
        HttpRequest request = request("/leads/" + UUID.randomUUID(), token("leads:write", "leads:read"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedPathIdIsNotFound() throws Exception {
        HttpResponse<String> response = get("/leads/not-a-uuid", token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void apiExceptionKeepsItsCode() throws Exception {
        HttpResponse<String> response = get("/leads/00000000-0000-0000-0000-000000000005", token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("message").asText()).contains("was not found");
    }

    @Test
    void unexpectedFailureHidesCauseAndCarriesRequestId() throws Exception {
        HttpRequest request = request("/leads/10000000-0000-0000-0000-000000000001", token("leads:read"))
                .header("X-Request-Id", "trace-500")
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret_table");
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.get("details").get("request_id").asText()).isEqualTo("trace-500");
    }

    @Test
    void unavailableDatabaseIsServiceUnavailable() throws Exception {
        HttpRequest request = request("/leads/10000000-0000-0000-0000-000000000002", token("leads:read"))
                .header("X-Request-Id", "trace-503")
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("secret_table");
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.get("details").get("request_id").asText()).isEqualTo("trace-503");
        assertThat(error.get("details").get("validation_errors")).isEmpty();
    }

    @Test
    void requestWithoutTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("/leads/" + UUID.randomUUID(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void tokenSignedWithAnotherSecretIsUnauthorized() throws Exception {
        InternalTokenIssuer stranger = new InternalTokenIssuer(
                new InternalTokenProperties("another-secret-of-at-least-32-bytes!!", null, null, null, null),
                Clock.systemUTC());
        String forged = stranger.issue(new Caller(organization, "key-1", Set.of("leads:read")));

        HttpResponse<String> response = get("/leads/" + UUID.randomUUID(), forged);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        InternalTokenIssuer past = new InternalTokenIssuer(
                new InternalTokenProperties(null, null, null, Duration.ofSeconds(1), null),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        String expired = past.issue(new Caller(organization, "key-1", Set.of("leads:read")));

        HttpResponse<String> response = get("/leads/" + UUID.randomUUID(), expired);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void missingScopeIsForbidden() throws Exception {
        HttpResponse<String> response = post("/leads", VALID, token("leads:read"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void requestIdKeptOrReplaced() throws Exception {
        HttpRequest kept = request("/leads/" + UUID.randomUUID(), token("leads:read"))
                .header("X-Request-Id", "abc-123")
                .GET()
                .build();
        HttpRequest replaced = request("/leads/" + UUID.randomUUID(), token("leads:read"))
                .header("X-Request-Id", "bad id with spaces")
                .GET()
                .build();

        String keptId = http.send(kept, HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        String replacedId = http.send(replaced, HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();

        assertThat(keptId).isEqualTo("abc-123");
        assertThat(UUID.fromString(replacedId)).isNotNull();
    }

    @Test
    void healthIsOpenWithoutToken() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String token(String... scopes) {
        return issuer.issue(new Caller(organization, "key-1", Set.of(scopes)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return objectMapper.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return result;
    }
}
