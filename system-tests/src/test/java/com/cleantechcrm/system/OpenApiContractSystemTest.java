package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import com.cleantechcrm.system.ApiClient.Response;
import com.cleantechcrm.system.OpenApiContract.Call;
import com.cleantechcrm.system.OpenApiContract.DocumentedOperation;
import java.nio.charset.StandardCharsets;
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
 * that is not marked {@code x-planned} was never called successfully, so the document and the system cannot drift
 * apart. The route table side is checked by the gateway's {@code OpenApiDocumentRoutesTest}.
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
        // The rebuild replays every event, so it runs after the cases that read leads.
        cases.addAll(readModelCases());

        Stream<DynamicTest> caseTests =
                cases.stream().map(contractCase -> dynamicTest(contractCase.name(), () -> check(contractCase)));
        return Stream.concat(caseTests, Stream.of(dynamicTest("every served operation succeeded", () -> {
            List<String> served = contract.operations().stream()
                    .filter(operation -> !operation.planned())
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

    /** A missing key, a rejected key and a key without the required scope, for every served operation. */
    private static List<ContractCase> accessCases() {
        List<ContractCase> cases = new ArrayList<>();
        for (DocumentedOperation operation : contract.operations()) {
            if (operation.planned()) {
                continue;
            }
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

    /** The API clients of the cases, one organisation for all of them, and the leads they work on. */
    static final class Fixtures {

        final ApiClient writer;
        final ApiClient admin;
        final ApiClient anonymous;
        final ApiClient rejected;
        final Map<String, ApiClient> withoutScope = new LinkedHashMap<>();
        private String sharedLead;

        Fixtures(RunningSystem system) throws Exception {
            String organization = "Contract " + UUID.randomUUID();
            String url = system.gatewayUrl();
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

        void moveTo(String lead, String stage) {
            Response moved = writer.post(leadPath(lead, "/lifecycle"), ApiClient.json(Map.of("stage", stage)));
            assertThat(moved.status())
                    .as("move lead to %s: %s", stage, moved.raw().body())
                    .isEqualTo(200);
        }
    }
}
