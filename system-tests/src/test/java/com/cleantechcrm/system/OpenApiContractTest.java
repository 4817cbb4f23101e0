package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract validation rejects responses that break the document, so that the contract system test can fail.
 * It reads the document from the gateway's sources and needs no running system.
 */
class OpenApiContractTest {

    private static final Map<String, List<String>> JSON_HEADERS =
            Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("request-1"));

    private static OpenApiContract contract;

    @BeforeAll
    static void readDocument() throws Exception {
        Path document = Path.of(System.getProperty("crm.project.root", ".."))
                .resolve("api-gateway/src/main/resources/openapi/openapi.yaml");
        contract = OpenApiContract.parse(Files.readString(document));
    }

    private static String writeResponse(String extraField) {
        return "{\"lead_id\":\"" + UUID.randomUUID() + "\",\"version\":1" + extraField + "}";
    }

    private static Map<String, List<String>> writeHeaders() {
        return with(errorHeaders(), "Idempotent-Replayed", "false");
    }

    /** Returns the headers of a response to a request with a valid key. */
    private static Map<String, List<String>> errorHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>(rateLimitHeaders());
        headers.putAll(JSON_HEADERS);
        return headers;
    }

    private static Map<String, List<String>> rateLimitHeaders() {
        return Map.of(
                "RateLimit-Policy", List.of("\"minute\";q=100;w=60, \"burst\";q=200;w=10, \"day\";q=10000;w=86400"),
                "RateLimit", List.of("\"minute\";r=0;t=12"),
                "X-RateLimit-Limit", List.of("100"),
                "X-RateLimit-Remaining", List.of("0"),
                "X-RateLimit-Reset", List.of("1796412240"));
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(headers);
        changed.put(name, List.of(value));
        return changed;
    }

    private static String rateLimitedEnvelope(String limit) {
        return "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Rate limit exceeded.\",\"details\":{"
                + "\"validation_errors\":[],\"system_errors\":[],\"limit\":\"" + limit + "\",\"scope\":\"api_key\","
                + "\"quota\":100,\"window_seconds\":60,\"reset_at\":\"2026-12-04T19:24:00Z\","
                + "\"retry_after_seconds\":12}}}";
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey)
                .toList();
    }

    @Test
    void conformingResponsePasses() {
        ValidationReport report = contract.validateResponse(
                "PUT", "/leads/" + UUID.randomUUID() + "/deal-value", 200, writeHeaders(), writeResponse(""));

        assertThat(errors(report)).isEmpty();
    }

    @Test
    void undocumentedFieldFails() {
        ValidationReport report = contract.validateResponse(
                "PUT",
                "/leads/" + UUID.randomUUID() + "/deal-value",
                200,
                writeHeaders(),
                writeResponse(",\"extra\":true"));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void missingRequiredFieldFails() {
        ValidationReport report = contract.validateResponse(
                "PUT", "/leads/" + UUID.randomUUID() + "/deal-value", 200, writeHeaders(), "{\"version\":1}");

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void missingRequiredHeaderFails() {
        ValidationReport report = contract.validateResponse(
                "PUT", "/leads/" + UUID.randomUUID() + "/deal-value", 200, JSON_HEADERS, writeResponse(""));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void undocumentedStatusFails() {
        String envelope = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No lead.\","
                + "\"details\":{\"validation_errors\":[],\"system_errors\":[]}}}";

        ValidationReport report = contract.validateResponse("GET", "/leads", 404, JSON_HEADERS, envelope);

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void unknownErrorCodeFails() {
        String envelope = "{\"error\":{\"code\":\"GONE\",\"message\":\"Gone.\","
                + "\"details\":{\"validation_errors\":[],\"system_errors\":[]}}}";

        assertThat(errors(contract.validateErrorBody(envelope))).isNotEmpty();
    }

    @Test
    void errorEnvelopeWithoutDetailsFails() {
        String envelope = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No resource.\"}}";

        assertThat(errors(contract.validateErrorBody(envelope))).isNotEmpty();
    }

    @Test
    void rateLimitedResponsePasses() {
        ValidationReport report = contract.validateResponse(
                "GET", "/leads", 429, with(errorHeaders(), "Retry-After", "12"), rateLimitedEnvelope("minute"));

        assertThat(errors(report)).isEmpty();
    }

    @Test
    void rateLimitedResponseWithoutRetryAfterFails() {
        ValidationReport report =
                contract.validateResponse("GET", "/leads", 429, errorHeaders(), rateLimitedEnvelope("minute"));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void unknownRateLimitFails() {
        ValidationReport report = contract.validateResponse(
                "GET", "/leads", 429, with(errorHeaders(), "Retry-After", "12"), rateLimitedEnvelope("hour"));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void missingRateLimitHeaderFails() {
        Map<String, List<String>> headers = writeHeaders();
        headers.remove("X-RateLimit-Reset");

        ValidationReport report = contract.validateResponse(
                "PUT", "/leads/" + UUID.randomUUID() + "/deal-value", 200, headers, writeResponse(""));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void malformedRateLimitPolicyFails() {
        ValidationReport report = contract.validateResponse(
                "PUT",
                "/leads/" + UUID.randomUUID() + "/deal-value",
                200,
                with(writeHeaders(), "RateLimit-Policy", "100;w=60"),
                writeResponse(""));

        assertThat(errors(report)).isNotEmpty();
    }

    @Test
    void rateLimitHeaderOnUnauthorizedFails() {
        String envelope = "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"No key.\","
                + "\"details\":{\"validation_errors\":[],\"system_errors\":[]}}}";
        ValidationReport report = contract.validateResponse(
                "GET", "/leads", 401, with(errorHeaders(), "WWW-Authenticate", "Bearer"), envelope);

        assertThat(errors(report)).isNotEmpty().containsOnly("response.header.undocumented");
    }

    @Test
    void noOperationIsLeftOut() {
        assertThat(contract.operations())
                .extracting(OpenApiContract.DocumentedOperation::name)
                .contains("POST /admin/api-keys", "PUT /admin/api-keys/{id}/expiry", "GET /usage");
    }
}
