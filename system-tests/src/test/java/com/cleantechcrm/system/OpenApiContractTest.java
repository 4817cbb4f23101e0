package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return Map.of(
                "Content-Type", List.of("application/json"),
                "X-Request-Id", List.of("request-1"),
                "Idempotent-Replayed", List.of("false"));
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
    void plannedOperationsAreMarked() {
        assertThat(contract.operations())
                .filteredOn(OpenApiContract.DocumentedOperation::planned)
                .extracting(OpenApiContract.DocumentedOperation::name)
                .contains("POST /admin/api-keys", "GET /usage");
    }
}
