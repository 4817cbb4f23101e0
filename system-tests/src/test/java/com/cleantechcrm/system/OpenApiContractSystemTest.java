package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.OpenApiContract.Call;
import com.cleantechcrm.system.OpenApiContract.DocumentedOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends real requests for every operation of the OpenAPI document that the gateway serves, successes and the main
 * errors, and validates status, headers and body of each response against the document. It fails when an operation
 * of the document was never called successfully, so the document and the system cannot drift apart. The route table side is checked by the gateway's {@code OpenApiDocumentRoutesTest}.
 */
class OpenApiContractSystemTest {

    private static final List<String> SCOPES = List.of("leads:read", "leads:write", "stats:read", "admin");
    private static final int ONE_MIB = 1024 * 1024;

    private static OpenApiContract contract;
    private static Fixtures fixtures;
    private static final Set<String> succeeded = new TreeSet<>();

    /**
     * One row of the table: a request for {@code operation} ({@code "METHOD /template"}, or null when the request
     * matches no operation, such as a wrong method) and the status it must get. When {@code requestViolatesDocument}
     * is set, the document must reject the request as well, so that it states the rule the server enforced.
     */
    record ContractCase(
            String name,
            String operation,
            int expectedStatus,
            boolean requestViolatesDocument,
            Function<Fixtures, Call> call) {

        static ContractCase valid(String name, String operation, int status, Function<Fixtures, Call> call) {
            return new ContractCase(name, operation, status, false, call);
        }

        static ContractCase invalid(String name, String operation, Function<Fixtures, Call> call) {
            return new ContractCase(name, operation, 400, true, call);
        }
    }

    @BeforeAll
    static void fetchDocument() throws Exception {
        RunningSystem system = RunningSystem.get();
        Response document = new ApiClient(system.gatewayUrl(), null).get("/openapi.yaml");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type")).startsWith("application/yaml");
        contract = OpenApiContract.parse(document.raw().body());
        fixtures = new Fixtures(system);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationMatchesDocument() {
        List<ContractCase> cases = new ArrayList<>(leadWriteCases());
        cases.addAll(leadReadCases());
        cases.addAll(unmatchedRequestCases());
        cases.addAll(accessCases());
        cases.addAll(apiKeyCases());
        cases.addAll(usageCases());
        cases.add(rateLimitedCase());
        // The rebuild replays every event, so it runs after the cases that read leads.
        cases.addAll(readModelCases());

        Stream<DynamicTest> caseTests =
                cases.stream().map(contractCase -> dynamicTest(contractCase.name(), () -> check(contractCase)));
        return Stream.concat(caseTests, Stream.of(dynamicTest("every served operation succeeded", () -> {
            List<String> served = contract.operations().stream()
                    .map(DocumentedOperation::name)
                    .toList();
            assertThat(succeeded).containsExactlyInAnyOrderElementsOf(served);
        })));
    }

    private static void check(ContractCase contractCase) {
        Call call = contractCase.call().apply(fixtures);
        Response response =
                call.client().send(call.method(), call.path(), call.contentType(), call.body(), call.headers());

        assertThat(response.status())
                .as(
                        "status of %s %s: %s",
                        call.method(), call.path(), response.raw().body())
                .isEqualTo(contractCase.expectedStatus());
        if (contractCase.operation() == null) {
            assertThat(messages(contract.validateErrorBody(response.raw().body())))
                    .isEmpty();
            assertThat(response.header("X-Request-Id")).isNotBlank();
            return;
        }
        assertThat(contract.templateOf(call.method(), call.path()).map(template -> call.method() + " " + template))
                .hasValue(contractCase.operation());
        assertThat(messages(contract.validateResponse(call.method(), call.path(), response)))
                .as("response to %s %s", call.method(), call.path())
                .isEmpty();

        List<String> requestProblems = messages(contract.validateRequest(call));
        if (contractCase.requestViolatesDocument()) {
            assertThat(requestProblems)
                    .as("the document should reject the request the server rejected")
                    .isNotEmpty();
        } else if (response.status() < 300) {
            assertThat(requestProblems)
                    .as("request %s %s", call.method(), call.path())
                    .isEmpty();
            succeeded.add(contractCase.operation());
        }
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static List<ContractCase> leadWriteCases() {
        String createKey = "contract-create-" + UUID.randomUUID();
        Map<String, Object> createBody = Leads.valid();
        return List.of(
                ContractCase.valid(
                        "create lead",
                        "POST /leads",
                        201,
                        f -> json(f.writer, "POST", "/leads", createBody, "Idempotency-Key", createKey)),
                ContractCase.valid(
                        "create lead replayed",
                        "POST /leads",
                        201,
                        f -> json(f.writer, "POST", "/leads", createBody, "Idempotency-Key", createKey)),
                ContractCase.valid(
                        "create lead with source and no deal value",
                        "POST /leads",
                        201,
                        f -> json(f.writer, "POST", "/leads", leadWithSource())),
                ContractCase.invalid(
                        "create lead with invalid fields",
                        "POST /leads",
                        f -> json(
                                f.writer,
                                "POST",
                                "/leads",
                                Leads.with(Leads.with(Leads.valid(), "sustainability_score", 101), "nickname", "x"))),
                ContractCase.invalid(
                        "create lead with invalid idempotency key",
                        "POST /leads",
                        f -> json(f.writer, "POST", "/leads", Leads.valid(), "Idempotency-Key", "k".repeat(201))),
                ContractCase.valid(
                        "create lead with malformed JSON",
                        "POST /leads",
                        400,
                        f -> raw(f.writer, "POST", "/leads", "application/json", "{\"name\": ")),
                ContractCase.valid("create duplicate lead", "POST /leads", 409, f -> {
                    Map<String, Object> body = Leads.valid();
                    f.createLead(body);
                    return json(f.writer, "POST", "/leads", body);
                }),
                ContractCase.valid(
                        "create lead with reused idempotency key",
                        "POST /leads",
                        409,
                        f -> json(f.writer, "POST", "/leads", Leads.valid(), "Idempotency-Key", createKey)),
                ContractCase.valid(
                        "create lead over 1 MiB",
                        "POST /leads",
                        413,
                        f -> raw(f.writer, "POST", "/leads", "application/json", oversizedJson())),
                ContractCase.valid(
                        "create lead over 1 MiB without key",
                        "POST /leads",
                        413,
                        f -> raw(f.anonymous, "POST", "/leads", "application/json", oversizedJson())),
                ContractCase.valid(
                        "create lead as text",
                        "POST /leads",
                        415,
                        f -> raw(f.writer, "POST", "/leads", "text/plain", "{}")),
                ContractCase.valid(
                        "update compliance",
                        "PUT /leads/{id}/compliance",
                        200,
                        f -> json(
                                f.writer,
                                "PUT",
                                "/leads/" + f.newLead() + "/compliance",
                                Map.of("status", "approved", "requirements", List.of("permit"), "note", "Granted"))),
                ContractCase.invalid(
                        "update compliance with invalid status",
                        "PUT /leads/{id}/compliance",
                        f -> json(f.writer, "PUT", "/leads/" + f.newLead() + "/compliance", Map.of("status", "maybe"))),
                ContractCase.valid(
                        "update compliance of unknown lead",
                        "PUT /leads/{id}/compliance",
                        404,
                        f -> json(
                                f.writer,
                                "PUT",
                                "/leads/" + UUID.randomUUID() + "/compliance",
                                Map.of("status", "approved"))),
                ContractCase.valid(
                        "update compliance with reused idempotency key", "PUT /leads/{id}/compliance", 409, f -> {
                            String lead = f.newLead();
                            String key = "contract-compliance-" + UUID.randomUUID();
                            f.writer.put(
                                    leadPath(lead, "/compliance"), "{\"status\":\"approved\"}", "Idempotency-Key", key);
                            return json(
                                    f.writer,
                                    "PUT",
                                    leadPath(lead, "/compliance"),
                                    Map.of("status", "rejected"),
                                    "Idempotency-Key",
                                    key);
                        }),
                ContractCase.valid(
                        "update compliance over 1 MiB",
                        "PUT /leads/{id}/compliance",
                        413,
                        f -> raw(
                                f.writer,
                                "PUT",
                                leadPath(f.newLead(), "/compliance"),
                                "application/json",
                                oversizedJson())),
                ContractCase.valid(
                        "update compliance as text",
                        "PUT /leads/{id}/compliance",
                        415,
                        f -> raw(f.writer, "PUT", leadPath(f.newLead(), "/compliance"), "text/plain", "{}")),
                ContractCase.valid(
                        "update procurement",
                        "PUT /leads/{id}/procurement",
                        200,
                        f -> json(
                                f.writer,
                                "PUT",
                                leadPath(f.newLead(), "/procurement"),
                                Map.of("estimated_duration", 300, "stage", "Tender evaluation"))),
                ContractCase.invalid(
                        "update procurement with invalid duration",
                        "PUT /leads/{id}/procurement",
                        f -> json(
                                f.writer,
                                "PUT",
                                leadPath(f.newLead(), "/procurement"),
                                Map.of("estimated_duration", 0, "stage", "RFP"))),
                ContractCase.valid(
                        "update procurement of unknown lead",
                        "PUT /leads/{id}/procurement",
                        404,
                        f -> json(
                                f.writer,
                                "PUT",
                                leadPath(UUID.randomUUID().toString(), "/procurement"),
                                Map.of("estimated_duration", 30, "stage", "RFP"))),
                ContractCase.valid(
                        "update procurement as text",
                        "PUT /leads/{id}/procurement",
                        415,
                        f -> raw(f.writer, "PUT", leadPath(f.newLead(), "/procurement"), "text/plain", "{}")),
                ContractCase.valid(
                        "change lifecycle stage",
                        "POST /leads/{id}/lifecycle",
                        200,
                        f -> json(
                                f.writer,
                                "POST",
                                leadPath(f.newLead(), "/lifecycle"),
                                Map.of("stage", "MQL", "reason", "Attended the webinar"))),
                ContractCase.invalid(
                        "change lifecycle to invalid stage",
                        "POST /leads/{id}/lifecycle",
                        f -> json(f.writer, "POST", leadPath(f.newLead(), "/lifecycle"), Map.of("stage", "ARCHIVED"))),
                ContractCase.valid("change lifecycle stage backwards", "POST /leads/{id}/lifecycle", 409, f -> {
                    String lead = f.newLead();
                    f.moveTo(lead, "MQL");
                    return json(f.writer, "POST", leadPath(lead, "/lifecycle"), Map.of("stage", "LEAD"));
                }),
                ContractCase.valid(
                        "change lifecycle of unknown lead",
                        "POST /leads/{id}/lifecycle",
                        404,
                        f -> json(
                                f.writer,
                                "POST",
                                leadPath(UUID.randomUUID().toString(), "/lifecycle"),
                                Map.of("stage", "MQL"))),
                ContractCase.valid(
                        "change deal value",
                        "PUT /leads/{id}/deal-value",
                        200,
                        f -> json(
                                f.writer,
                                "PUT",
                                leadPath(f.newLead(), "/deal-value"),
                                Map.of("deal_value", 1400000.5))),
                ContractCase.invalid(
                        "change deal value to negative",
                        "PUT /leads/{id}/deal-value",
                        f -> json(f.writer, "PUT", leadPath(f.newLead(), "/deal-value"), Map.of("deal_value", -1))),
                ContractCase.valid(
                        "change deal value of unknown lead",
                        "PUT /leads/{id}/deal-value",
                        404,
                        f -> json(
                                f.writer,
                                "PUT",
                                leadPath(UUID.randomUUID().toString(), "/deal-value"),
                                Map.of("deal_value", 1))),
                ContractCase.valid(
                        "apply playbook",
                        "POST /leads/{id}/playbook",
                        200,
                        f -> json(f.writer, "POST", leadPath(f.newLead(), "/playbook"), playbook())),
                ContractCase.invalid(
                        "apply playbook without strategy",
                        "POST /leads/{id}/playbook",
                        f -> json(
                                f.writer,
                                "POST",
                                leadPath(f.newLead(), "/playbook"),
                                Map.of("playbook_id", "pb-1", "implementation_plan", Map.of("timeline", "6 months")))),
                ContractCase.valid("apply playbook to lost lead", "POST /leads/{id}/playbook", 409, f -> {
                    String lead = f.newLead();
                    f.moveTo(lead, "LOST");
                    return json(f.writer, "POST", leadPath(lead, "/playbook"), playbook());
                }),
                ContractCase.valid(
                        "apply playbook to unknown lead",
                        "POST /leads/{id}/playbook",
                        404,
                        f -> json(f.writer, "POST", leadPath(UUID.randomUUID().toString(), "/playbook"), playbook())));
    }

    private static List<ContractCase> leadReadCases() {
        return List.of(
                ContractCase.valid(
                        "read lead",
                        "GET /leads/{id}",
                        200,
                        f -> get(f.writer, "/leads/" + f.lead(), "X-Min-Position", "0")),
                ContractCase.valid("read lead with playbook", "GET /leads/{id}", 200, f -> {
                    String lead = f.newLead();
                    Response applied = f.writer.post(leadPath(lead, "/playbook"), ApiClient.json(playbook()));
                    return get(
                            f.writer,
                            "/leads/" + lead + "?min_position="
                                    + applied.body().path("version").asLong());
                }),
                ContractCase.invalid(
                        "read lead with negative position",
                        "GET /leads/{id}",
                        f -> get(f.writer, "/leads/" + f.lead(), "X-Min-Position", "-1")),
                ContractCase.valid(
                        "read unknown lead", "GET /leads/{id}", 404, f -> get(f.writer, "/leads/" + UUID.randomUUID())),
                ContractCase.valid(
                        "read lead with malformed id", "GET /leads/{id}", 404, f -> get(f.writer, "/leads/not-a-uuid")),
                ContractCase.valid(
                        "read lead history",
                        "GET /leads/{id}/history",
                        200,
                        f -> get(f.writer, leadPath(f.lead(), "/history?min_position=0"))),
                ContractCase.valid(
                        "read history of unknown lead",
                        "GET /leads/{id}/history",
                        404,
                        f -> get(f.writer, leadPath(UUID.randomUUID().toString(), "/history"))),
                ContractCase.valid("list leads", "GET /leads", 200, f -> {
                    f.lead();
                    return get(f.writer, "/leads?organization_type=Corporate&lifecycle_stage=LEAD&limit=1");
                }),
                ContractCase.valid("list second page of leads", "GET /leads", 200, f -> {
                    f.lead();
                    f.newLead();
                    Response first = f.writer.awaitGet(
                            "/leads?sort=name_asc&limit=1",
                            page -> page.body().path("next_cursor").isTextual());
                    String cursor = first.body().path("next_cursor").asText();
                    return get(f.writer, "/leads?sort=name_asc&limit=1&cursor=" + cursor);
                }),
                ContractCase.invalid(
                        "list leads with invalid parameters",
                        "GET /leads",
                        f -> get(f.writer, "/leads?limit=0&min_score=101&compliance_status=maybe")),
                ContractCase.valid(
                        "read growth statistics",
                        "GET /leads/stats/growth",
                        200,
                        f -> get(f.writer, "/leads/stats/growth")),
                ContractCase.valid(
                        "read growth statistics for a week",
                        "GET /leads/stats/growth",
                        200,
                        f -> get(f.writer, "/leads/stats/growth?period_days=7")),
                ContractCase.invalid(
                        "read growth statistics for no days",
                        "GET /leads/stats/growth",
                        f -> get(f.writer, "/leads/stats/growth?period_days=0")));
    }

    private static List<ContractCase> readModelCases() {
        return List.of(
                ContractCase.valid(
                        "rebuild read models",
                        "POST /admin/read-models/rebuild",
                        202,
                        f -> new Call(f.admin, "POST", "/admin/read-models/rebuild", null, null)),
                ContractCase.valid("read rebuild status", "GET /admin/read-models/rebuild/status", 200, f -> {
                    f.admin.awaitGet(
                            "/admin/read-models/rebuild/status",
                            status -> "COMPLETED"
                                    .equals(status.body().path("state").asText()));
                    return get(f.admin, "/admin/read-models/rebuild/status");
                }));
    }

    /** Requests that no operation of the document matches: they get the error envelope all the same. */
    private static List<ContractCase> unmatchedRequestCases() {
        return List.of(
                ContractCase.valid("delete leads", null, 405, f -> new Call(f.writer, "DELETE", "/leads", null, null)),
                ContractCase.valid(
                        "read compliance",
                        null,
                        405,
                        f -> get(f.writer, leadPath(UUID.randomUUID().toString(), "/compliance"))),
                ContractCase.valid(
                        "put rebuild",
                        null,
                        405,
                        f -> raw(f.admin, "PUT", "/admin/read-models/rebuild", "application/json", "{}")),
                ContractCase.valid("read unknown path", null, 404, f -> get(f.writer, "/no-such-path")));
    }

    private static List<ContractCase> apiKeyCases() {
        return List.of(
                ContractCase.valid(
                        "create API key",
                        "POST /admin/api-keys",
                        201,
                        f -> json(
                                f.admin,
                                "POST",
                                "/admin/api-keys",
                                Map.of(
                                        "name", " crm sync ",
                                        "scopes", List.of("leads:write", "leads:read"),
                                        "expires_at", inOneYear()))),
                ContractCase.valid(
                        "create API key without expiry",
                        "POST /admin/api-keys",
                        201,
                        f -> json(
                                f.admin,
                                "POST",
                                "/admin/api-keys",
                                Map.of("name", "reporting", "scopes", List.of("stats:read")))),
                ContractCase.invalid(
                        "create API key with invalid fields",
                        "POST /admin/api-keys",
                        f -> json(
                                f.admin,
                                "POST",
                                "/admin/api-keys",
                                Map.of("name", "", "scopes", List.of("leads:delete"), "owner", "ops"))),
                ContractCase.valid(
                        "create API key that expired",
                        "POST /admin/api-keys",
                        400,
                        f -> json(
                                f.admin,
                                "POST",
                                "/admin/api-keys",
                                Map.of(
                                        "name",
                                        "old",
                                        "scopes",
                                        List.of("leads:read"),
                                        "expires_at",
                                        "2020-01-01T00:00:00Z"))),
                ContractCase.valid(
                        "create API key over 1 MiB",
                        "POST /admin/api-keys",
                        413,
                        f -> raw(f.admin, "POST", "/admin/api-keys", "application/json", oversizedJson())),
                ContractCase.valid(
                        "create API key as text",
                        "POST /admin/api-keys",
                        415,
                        f -> raw(f.admin, "POST", "/admin/api-keys", "text/plain", "{}")),
                ContractCase.valid("list API keys", "GET /admin/api-keys", 200, f -> {
                    f.newApiKey();
                    f.revokedApiKey();
                    return get(f.admin, "/admin/api-keys");
                }),
                ContractCase.valid(
                        "read API key",
                        "GET /admin/api-keys/{id}",
                        200,
                        f -> get(f.admin, apiKeyPath(f.newApiKey(), ""))),
                ContractCase.valid(
                        "read unknown API key",
                        "GET /admin/api-keys/{id}",
                        404,
                        f -> get(f.admin, apiKeyPath(UUID.randomUUID().toString(), ""))),
                ContractCase.valid(
                        "read API key with malformed id",
                        "GET /admin/api-keys/{id}",
                        404,
                        f -> get(f.admin, "/admin/api-keys/not-a-uuid")),
                ContractCase.valid(
                        "rotate API key",
                        "POST /admin/api-keys/{id}/rotate",
                        200,
                        f -> json(
                                f.admin,
                                "POST",
                                apiKeyPath(f.newApiKey(), "/rotate"),
                                Map.of("grace_period_seconds", 3600))),
                ContractCase.valid(
                        "rotate API key without body",
                        "POST /admin/api-keys/{id}/rotate",
                        200,
                        f -> raw(f.admin, "POST", apiKeyPath(f.newApiKey(), "/rotate"), null, null)),
                ContractCase.invalid(
                        "rotate API key with negative grace period",
                        "POST /admin/api-keys/{id}/rotate",
                        f -> json(
                                f.admin,
                                "POST",
                                apiKeyPath(f.newApiKey(), "/rotate"),
                                Map.of("grace_period_seconds", -1))),
                ContractCase.valid("rotate API key in its grace period", "POST /admin/api-keys/{id}/rotate", 409, f -> {
                    String id = f.newApiKey();
                    Response rotated = f.admin.post(apiKeyPath(id, "/rotate"), "{}");
                    assertThat(rotated.status())
                            .as("first rotation: %s", rotated.raw().body())
                            .isEqualTo(200);
                    return json(f.admin, "POST", apiKeyPath(id, "/rotate"), Map.of());
                }),
                ContractCase.valid(
                        "rotate revoked API key",
                        "POST /admin/api-keys/{id}/rotate",
                        409,
                        f -> json(f.admin, "POST", apiKeyPath(f.revokedApiKey(), "/rotate"), Map.of())),
                ContractCase.valid(
                        "rotate unknown API key",
                        "POST /admin/api-keys/{id}/rotate",
                        404,
                        f -> json(f.admin, "POST", apiKeyPath(UUID.randomUUID().toString(), "/rotate"), Map.of())),
                ContractCase.valid(
                        "revoke API key",
                        "POST /admin/api-keys/{id}/revoke",
                        200,
                        f -> json(
                                f.admin,
                                "POST",
                                apiKeyPath(f.newApiKey(), "/revoke"),
                                Map.of("reason", "laptop lost"))),
                ContractCase.valid(
                        "revoke revoked API key without body",
                        "POST /admin/api-keys/{id}/revoke",
                        200,
                        f -> raw(f.admin, "POST", apiKeyPath(f.revokedApiKey(), "/revoke"), null, null)),
                ContractCase.invalid(
                        "revoke API key with too long reason",
                        "POST /admin/api-keys/{id}/revoke",
                        f -> json(
                                f.admin,
                                "POST",
                                apiKeyPath(f.newApiKey(), "/revoke"),
                                Map.of("reason", "r".repeat(501)))),
                ContractCase.valid(
                        "revoke unknown API key",
                        "POST /admin/api-keys/{id}/revoke",
                        404,
                        f -> json(f.admin, "POST", apiKeyPath(UUID.randomUUID().toString(), "/revoke"), Map.of())),
                ContractCase.valid(
                        "set API key expiry",
                        "PUT /admin/api-keys/{id}/expiry",
                        200,
                        f -> json(
                                f.admin,
                                "PUT",
                                apiKeyPath(f.newApiKey(), "/expiry"),
                                Map.of("expires_at", inOneYear()))),
                ContractCase.valid(
                        "remove API key expiry",
                        "PUT /admin/api-keys/{id}/expiry",
                        200,
                        f -> raw(
                                f.admin,
                                "PUT",
                                apiKeyPath(f.newApiKey(), "/expiry"),
                                "application/json",
                                "{\"expires_at\": null}")),
                ContractCase.invalid(
                        "set API key expiry without field",
                        "PUT /admin/api-keys/{id}/expiry",
                        f -> json(f.admin, "PUT", apiKeyPath(f.newApiKey(), "/expiry"), Map.of())),
                ContractCase.valid(
                        "set API key expiry in the past",
                        "PUT /admin/api-keys/{id}/expiry",
                        400,
                        f -> json(
                                f.admin,
                                "PUT",
                                apiKeyPath(f.newApiKey(), "/expiry"),
                                Map.of("expires_at", "2020-01-01T00:00:00Z"))),
                ContractCase.valid(
                        "set expiry of revoked API key",
                        "PUT /admin/api-keys/{id}/expiry",
                        409,
                        f -> json(
                                f.admin,
                                "PUT",
                                apiKeyPath(f.revokedApiKey(), "/expiry"),
                                Map.of("expires_at", inOneYear()))),
                ContractCase.valid(
                        "set expiry of unknown API key",
                        "PUT /admin/api-keys/{id}/expiry",
                        404,
                        f -> json(
                                f.admin,
                                "PUT",
                                apiKeyPath(UUID.randomUUID().toString(), "/expiry"),
                                Map.of("expires_at", inOneYear()))),
                ContractCase.valid("list API key events", "GET /admin/api-keys/events", 200, f -> {
                    f.revokedApiKey();
                    return get(f.admin, "/admin/api-keys/events");
                }),
                ContractCase.valid("list second page of one API key's events", "GET /admin/api-keys/events", 200, f -> {
                    String id = f.revokedApiKey();
                    Response first = f.admin.get("/admin/api-keys/events?limit=1&key_id=" + id);
                    assertThat(first.body().path("next_cursor").isTextual())
                            .as("next_cursor of %s", first.raw().body())
                            .isTrue();
                    return get(
                            f.admin,
                            "/admin/api-keys/events?limit=1&key_id=" + id + "&cursor="
                                    + first.body().path("next_cursor").asText());
                }),
                ContractCase.invalid(
                        "list API key events with invalid parameters",
                        "GET /admin/api-keys/events",
                        f -> get(f.admin, "/admin/api-keys/events?limit=0&key_id=not-a-uuid")));
    }

    private static List<ContractCase> usageCases() {
        return List.of(
                ContractCase.valid("read usage", "GET /usage", 200, f -> get(f.admin, "/usage")),
                ContractCase.valid("read daily usage", "GET /usage", 200, f -> {
                    Instant now = Instant.now();
                    return get(f.admin, "/usage?granularity=day&from=" + now.minus(Duration.ofDays(2)) + "&to=" + now);
                }),
                ContractCase.invalid("read usage per week", "GET /usage", f -> get(f.admin, "/usage?granularity=week")),
                ContractCase.valid(
                        "read usage of a reversed range",
                        "GET /usage",
                        400,
                        f -> get(f.admin, "/usage?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")));
    }

    /** Returns a request of an organisation with a small burst limit, sent once other requests have used it up. */
    private static ContractCase rateLimitedCase() {
        return ContractCase.valid("list leads over the burst limit", "GET /leads", 429, f -> {
            f.exhaustBurst();
            return get(f.throttled, "/leads");
        });
    }

    /** A missing key, a rejected key and a key without the required scope, for every served operation. */
    private static List<ContractCase> accessCases() {
        List<ContractCase> cases = new ArrayList<>();
        for (DocumentedOperation operation : contract.operations()) {
            String path =
                    operation.pathTemplate().replace("{id}", UUID.randomUUID().toString());
            String body = operation.method().equals("GET") ? null : "{}";
            String contentType = body == null ? null : "application/json";
            cases.add(ContractCase.valid(
                    operation.name() + " without key",
                    operation.name(),
                    401,
                    f -> raw(f.anonymous, operation.method(), path, contentType, body)));
            cases.add(ContractCase.valid(
                    operation.name() + " with rejected key",
                    operation.name(),
                    401,
                    f -> raw(f.rejected, operation.method(), path, contentType, body)));
            cases.add(ContractCase.valid(
                    operation.name() + " without scope " + operation.requiredScope(),
                    operation.name(),
                    403,
                    f -> raw(
                            f.withoutScope.get(operation.requiredScope()),
                            operation.method(),
                            path,
                            contentType,
                            body)));
        }
        return cases;
    }

    private static Call get(ApiClient client, String path, String... headers) {
        return new Call(client, "GET", path, null, null, headers);
    }

    private static Call json(ApiClient client, String method, String path, Map<String, ?> body, String... headers) {
        return new Call(
                client,
                method,
                path,
                "application/json",
                ApiClient.json(body).getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static Call raw(ApiClient client, String method, String path, String contentType, String body) {
        return new Call(client, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String leadPath(String id, String suffix) {
        return "/leads/" + id + suffix;
    }

    private static String apiKeyPath(String id, String suffix) {
        return "/admin/api-keys/" + id + suffix;
    }

    private static String inOneYear() {
        return Instant.now()
                .plus(Duration.ofDays(365))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static String oversizedJson() {
        return "{\"name\": \"" + "x".repeat(ONE_MIB) + "\"}";
    }

    private static Map<String, Object> leadWithSource() {
        Map<String, Object> body = new LinkedHashMap<>(Leads.valid());
        body.remove("deal_value");
        body.put("organization_type", "Government");
        body.put("source", Map.of("channel", "ABM", "campaign", "Municipal solar 2027"));
        return body;
    }

    private static Map<String, Object> playbook() {
        return Map.of(
                "playbook_id", "pb-municipal-solar",
                "strategy", Map.of("type", "Channel Launch", "focus_areas", List.of("public tenders")),
                "implementation_plan", Map.of("timeline", "6 months", "resources", List.of("tender desk")));
    }

    /**
     * The API clients of the cases, one organisation with limits far above the published ones for all of them but the
     * rate-limited case, and the leads and API keys they work on.
     */
    static final class Fixtures {

        /** The seconds of a burst window that must be left for the next request to meet the exhausted limit. */
        private static final long MIN_SECONDS_LEFT = 3;

        final ApiClient writer;
        final ApiClient admin;
        final ApiClient throttled;
        final ApiClient anonymous;
        final ApiClient rejected;
        final Map<String, ApiClient> withoutScope = new LinkedHashMap<>();
        private String sharedLead;

        Fixtures(RunningSystem system) throws Exception {
            String organization = system.unthrottledOrganization();
            String url = system.gatewayUrl();
            throttled = new ApiClient(url, system.createKey(RunningSystem.SMALL_BURST_ORGANIZATION, "leads:read"));
            writer = new ApiClient(url, system.createKey(organization, "leads:read,leads:write,stats:read"));
            admin = new ApiClient(url, system.createKey(organization, "admin"));
            anonymous = new ApiClient(url, null);
            rejected = new ApiClient(url, "ctk_unknown_" + "0".repeat(32));
            for (String scope : SCOPES) {
                List<String> others =
                        SCOPES.stream().filter(other -> !other.equals(scope)).toList();
                withoutScope.put(scope, new ApiClient(url, system.createKey(organization, String.join(",", others))));
            }
        }

        /** Returns a lead that the read side has applied, created once and shared by the read cases. */
        synchronized String lead() {
            if (sharedLead == null) {
                sharedLead = newLead();
                writer.awaitGet("/leads/" + sharedLead, response -> response.status() == 200);
            }
            return sharedLead;
        }

        String newLead() {
            return createLead(Leads.valid());
        }

        String createLead(Map<String, Object> body) {
            Response created = writer.post("/leads", ApiClient.json(body));
            assertThat(created.status())
                    .as("create a lead: %s", created.raw().body())
                    .isEqualTo(201);
            return created.body().path("id").asText();
        }

        /** Creates an API key of the organisation and returns its id. */
        String newApiKey() {
            Response created = admin.post(
                    "/admin/api-keys", ApiClient.json(Map.of("name", "contract", "scopes", List.of("leads:read"))));
            assertThat(created.status())
                    .as("create an API key: %s", created.raw().body())
                    .isEqualTo(201);
            return created.body().path("id").asText();
        }

        /** Creates an API key, revokes it and returns its id. */
        String revokedApiKey() {
            String id = newApiKey();
            Response revoked = admin.post(apiKeyPath(id, "/revoke"), "{}");
            assertThat(revoked.status())
                    .as("revoke an API key: %s", revoked.raw().body())
                    .isEqualTo(200);
            return id;
        }

        /**
         * Sends requests of the small-burst organisation until one gets 429 with at least {@link #MIN_SECONDS_LEFT} of
         * the window left, so that the next request meets the exhausted limit too. When the window is about to end, it
         * waits for the next one and uses that up instead.
         */
        void exhaustBurst() {
            for (int attempt = 0; attempt < 4 * (RunningSystem.SMALL_BURST + 1); attempt++) {
                Response response = throttled.get("/leads");
                if (response.status() != 429) {
                    continue;
                }
                long retryAfter = Long.parseLong(response.header("Retry-After"));
                if (retryAfter >= MIN_SECONDS_LEFT) {
                    return;
                }
                pause(Duration.ofSeconds(retryAfter + 1));
            }
            throw new AssertionError("The small-burst organisation never got 429");
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the next rate-limit window", e);
            }
        }

        void moveTo(String lead, String stage) {
            Response moved = writer.post(leadPath(lead, "/lifecycle"), ApiClient.json(Map.of("stage", stage)));
            assertThat(moved.status())
                    .as("move lead to %s: %s", stage, moved.raw().body())
                    .isEqualTo(200);
        }
    }
}
