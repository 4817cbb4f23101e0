package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request to the gateway returns the error envelope, and none of them stores a lead. */
class ErrorEnvelopeSystemTest {

    private static ApiClient client;

    @BeforeAll
    static void startSystem() throws Exception {
        RunningSystem system = RunningSystem.get();
        client = new ApiClient(
                system.gatewayUrl(),
                system.createKey(system.unthrottledOrganization(), "leads:read,leads:write,stats:read"));
    }

    static Stream<Arguments> invalidFields() {
        Map<String, Object> nested = Leads.valid();
        return Stream.of(
                Arguments.of("name", Leads.with(nested, "name", "   "), "name"),
                Arguments.of("long name", Leads.with(nested, "name", "x".repeat(201)), "name"),
                Arguments.of("email", Leads.with(nested, "email", "not-an-email"), "email"),
                Arguments.of("long email", Leads.with(nested, "email", "a".repeat(250) + "@example.org"), "email"),
                Arguments.of("invisible email", Leads.with(nested, "email", "\u200Bzoe@example.org"), "email"),
                Arguments.of("company", Leads.with(nested, "company", null), "company"),
                Arguments.of("type", Leads.with(nested, "organization_type", "Startup"), "organization_type"),
                Arguments.of("score range", Leads.with(nested, "sustainability_score", 101), "sustainability_score"),
                Arguments.of(
                        "score fraction", Leads.with(nested, "sustainability_score", 50.5), "sustainability_score"),
                Arguments.of("score string", Leads.with(nested, "sustainability_score", "50"), "sustainability_score"),
                Arguments.of(
                        "compliance status",
                        Leads.with(
                                nested, "regulatory_compliance", Map.of("status", "maybe", "requirements", List.of())),
                        "regulatory_compliance.status"),
                Arguments.of(
                        "blank requirement",
                        Leads.with(
                                nested,
                                "regulatory_compliance",
                                Map.of("status", "pending", "requirements", List.of(" "))),
                        "regulatory_compliance.requirements[0]"),
                Arguments.of(
                        "duration",
                        Leads.with(nested, "procurement_cycle", Map.of("estimated_duration", 0, "stage", "RFP")),
                        "procurement_cycle.estimated_duration"),
                Arguments.of("deal value", Leads.with(nested, "deal_value", -1), "deal_value"),
                Arguments.of("source channel", Leads.with(nested, "source", Map.of("channel", "TV")), "source.channel"),
                Arguments.of("unknown field", Leads.with(nested, "nickname", "x"), "nickname"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void invalidFieldIsValidationFailed(String label, Map<String, Object> body, String field) {
        Response response = client.post("/leads", ApiClient.json(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(validationErrors(response))
                .anySatisfy(error -> assertThat(error).startsWith(field + ": "));
    }

    @Test
    void severalInvalidFieldsAreReportedTogether() {
        Map<String, Object> body = new LinkedHashMap<>(Leads.valid());
        body.put("name", "");
        body.put("sustainability_score", "high");
        body.put("organization_type", "Startup");
        body.remove("procurement_cycle");

        Response response = client.post("/leads", ApiClient.json(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(validationErrors(response))
                .anySatisfy(error -> assertThat(error).startsWith("name: "))
                .anySatisfy(error -> assertThat(error).startsWith("sustainability_score: "))
                .anySatisfy(error -> assertThat(error).startsWith("organization_type: "))
                .anySatisfy(error -> assertThat(error).startsWith("procurement_cycle: "));
    }

    @Test
    void controlCharacterInNameIsValidationFailed() {
        Response response = client.post("/leads", ApiClient.json(Leads.with(Leads.valid(), "name", "Nul\u0000Name")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(validationErrors(response)).contains("name: must not contain control characters");
    }

    @Test
    void controlCharacterInSearchIsValidationFailed() {
        Response response = client.get("/leads?q=%00");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void nonAsciiIdempotencyKeyIsValidationFailed() throws Exception {
        byte[] body = ApiClient.json(Leads.valid()).getBytes(StandardCharsets.UTF_8);
        URI gateway = URI.create(RunningSystem.get().gatewayUrl());
        String head = "POST /leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + client.key()
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: café-1\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";

        String statusLine;
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
        }

        assertThat(statusLine).startsWith("HTTP/1.1 400");
    }

    @Test
    void contentAfterJsonIsMalformedRequest() {
        Response response = client.post("/leads", ApiClient.json(Leads.valid()) + "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void malformedJsonIsMalformedRequest() {
        Response response = client.post("/leads", "{\"name\": \"unterminated");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        byte[] body = ApiClient.json(Leads.valid()).getBytes(StandardCharsets.UTF_8);

        Response response = client.send("POST", "/leads", "text/plain", body);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() {
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Response response = client.send("POST", "/leads", "application/json", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownRouteIsNotFound() {
        Response response = client.get("/prospects");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        Response response = client.send("DELETE", "/leads", null, null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void missingLeadIsNotFound() {
        Response response = client.get("/leads/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    }

    @AfterAll
    static void nothingWasStored() {
        String sentinel = LeadPipelineSystemTest.create(client, Leads.valid());

        Response list = client.awaitGet(
                "/leads?limit=100", response -> response.status() == 200 && containsId(response.body(), sentinel));

        assertThat(list.body().get("items").size())
                .as("leads of this organisation")
                .isEqualTo(1);
    }

    private static boolean containsId(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> validationErrors(Response response) {
        List<String> errors = new ArrayList<>();
        response.body().path("error").path("details").path("validation_errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }
}
