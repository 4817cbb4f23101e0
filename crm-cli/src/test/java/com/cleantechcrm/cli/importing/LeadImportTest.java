package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadImportTest {

    private static final String LEADS_CSV = "name,email,company,organization_type,sustainability_score,"
            + "compliance_status,compliance_requirements,procurement_estimated_duration,procurement_stage,"
            + "deal_value,source_channel,source_campaign\r\n"
            + "Γιώργος Παπαδόπουλος,giorgos@example.org,\"LLC \"\"VTK-invest\"\"\",Government,60,pending,"
            + "public tender;building permit,400,discovery,250000,ABM,abm-1\r\n"
            + "Олександр Шевченко,oleksandr@example.com,\"Šilalė, district\",Corporate,70,approved,,90,discovery,"
            + "1250.50,,\r\n"
            + "Anna Berg,anna@example.net,Solar AG,NGO,high,pending,,60,discovery,,,\r\n";

    private static final String FOLLOW_UPS = """
            {"op":"compliance","email":"giorgos@example.org","status":"approved","requirements":["public tender"]}
            {"op":"lifecycle","email":"giorgos@example.org","stage":"MQL"}
            {"op":"lifecycle","email":"giorgos@example.org","stage":"SQL"}
            {"op":"deal_value","email":"OLEKSANDR@example.com","deal_value":2000000}
            {"op":"playbook","email":"oleksandr@example.com","playbook_id":"pb-1"}
            {"op":"lifecycle","email":"oleksandr@example.com","stage":"LOST"}
            """;

    @TempDir
    Path folder;

    private RecordingGateway gateway;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new RecordingGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void createsLeadsWithKeyAndIdempotencyKey() throws Exception {
        ImportSummary summary = runImport(write("leads.csv", LEADS_CSV));

        assertThat(summary.countOf(Outcome.CREATED)).isEqualTo(2);
        assertThat(summary.countOf(Outcome.INVALID)).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(ImportSummary.EXIT_INVALID_ROWS);
        assertThat(gateway.leadCount()).isEqualTo(2);

        List<RecordingGateway.Received> creates = gateway.received("POST", "/leads");
        assertThat(creates).hasSize(3);
        for (RecordingGateway.Received create : creates) {
            assertThat(create.header("Authorization")).isEqualTo("Bearer " + RecordingGateway.API_KEY);
            assertThat(create.header("Content-Type")).isEqualTo("application/json");
            assertThat(create.header("Idempotency-Key"))
                    .isEqualTo(ImportJson.idempotencyKey(
                            ImportJson.newObjectMapper().readTree(create.body())));
        }
    }

    @Test
    void sendsNonAsciiTextByteForByte() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));

        String bodies = gateway.received("POST", "/leads").stream()
                .map(RecordingGateway.Received::bodyText)
                .reduce("", String::concat);
        assertThat(bodies).contains("\"name\":\"Γιώργος Παπαδόπουλος\"");
        assertThat(bodies).contains("\"company\":\"LLC \\\"VTK-invest\\\"\"");
        assertThat(bodies).contains("\"company\":\"Šilalė, district\"");
        assertThat(bodies).contains("\"deal_value\":1250.50");
        assertThat(gateway.lead("oleksandr@example.com").path("name").asText()).isEqualTo("Олександр Шевченко");
    }

    @Test
    void printsRowsInFileOrder() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));

        String[] lines = output.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("line 2: created [0-9a-f-]{36} \\(giorgos@example.org\\)");
        assertThat(lines[1]).startsWith("line 3: created ");
        assertThat(lines[2])
                .isEqualTo("line 4: invalid VALIDATION_FAILED The request body has 1 invalid field."
                        + " sustainability_score: must be an integer (anna@example.net)");
        assertThat(lines[3])
                .matches("summary: 3 rows in [0-9.]+ s: 2 created, 0 already imported, 0 duplicate,"
                        + " 1 invalid, 0 applied, 0 already applied, 0 failed");
    }

    @Test
    void secondRunCreatesNothingAndReportsAlreadyImported() throws Exception {
        gateway.markReplays();
        Path leads = write("leads.csv", LEADS_CSV);
        runImport(leads);

        ImportSummary second = runImport(leads);

        assertThat(second.countOf(Outcome.ALREADY_IMPORTED)).isEqualTo(2);
        assertThat(second.countOf(Outcome.CREATED)).isZero();
        assertThat(gateway.leadCount()).isEqualTo(2);
    }

    @Test
    void replayWithoutHeaderIsRecognisedByCreationTime() throws Exception {
        Path leads = write("leads.csv", LEADS_CSV);
        runImport(leads);
        // The Date header has whole seconds, so the second run must start in a later second.
        Thread.sleep(1100);

        ImportSummary second = runImport(leads);

        assertThat(second.countOf(Outcome.ALREADY_IMPORTED)).isEqualTo(2);
        assertThat(second.countOf(Outcome.CREATED)).isZero();
    }

    @Test
    void repeatedRowInOneFileIsImportedOnce() throws Exception {
        String row = "Anna Berg,anna@example.net,Solar AG,NGO,80,pending,,60,discovery,,,\r\n";
        Path leads = write("leads.csv", LEADS_CSV.substring(0, LEADS_CSV.indexOf("\r\n") + 2) + row + row);

        ImportSummary summary = runImport(leads);

        assertThat(summary.countOf(Outcome.CREATED)).isEqualTo(1);
        assertThat(summary.countOf(Outcome.ALREADY_IMPORTED)).isEqualTo(1);
        assertThat(gateway.leadCount()).isEqualTo(1);
    }

    @Test
    void appliesFollowUpsInFileOrderPerLead() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));
        output.reset();

        ImportSummary summary = runImport(write("followups.ndjson", FOLLOW_UPS));

        assertThat(summary.countOf(Outcome.APPLIED)).isEqualTo(6);
        assertThat(summary.exitCode()).isEqualTo(ImportSummary.EXIT_OK);
        assertThat(gateway.lead("giorgos@example.org").path("lifecycle_stage").asText())
                .isEqualTo("SQL");
        assertThat(gateway.lead("giorgos@example.org")
                        .at("/regulatory_compliance/status")
                        .asText())
                .isEqualTo("approved");
        assertThat(gateway.lead("oleksandr@example.com").path("lifecycle_stage").asText())
                .isEqualTo("LOST");
        assertThat(gateway.lead("oleksandr@example.com").path("deal_value").asLong())
                .isEqualTo(2_000_000);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("line 2: applied ");

        List<String> giorgosWrites = gateway.received().stream()
                .filter(request -> !request.method().equals("GET"))
                .filter(request -> request.path()
                        .contains(gateway.lead("giorgos@example.org").path("id").asText()))
                .map(request -> request.path().replaceAll(".*/", ""))
                .toList();
        assertThat(giorgosWrites).containsExactly("compliance", "lifecycle", "lifecycle");
    }

    @Test
    void secondRunOfFollowUpsFindsThemApplied() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));
        Path followUps = write("followups.ndjson", FOLLOW_UPS);
        runImport(followUps);
        int writesBefore = writeCount();

        ImportSummary second = runImport(followUps);

        assertThat(second.countOf(Outcome.ALREADY_APPLIED)).isEqualTo(6);
        assertThat(second.exitCode()).isEqualTo(ImportSummary.EXIT_OK);
        assertThat(writeCount()).isEqualTo(writesBefore);
    }

    @Test
    void refusedFollowUpFailsTheImport() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));
        runImport(write(
                "won.ndjson",
                "{\"op\":\"lifecycle\",\"email\":\"anna@example.net\",\"stage\":\"WON\"}\n"
                        + "{\"op\":\"lifecycle\",\"email\":\"oleksandr@example.com\",\"stage\":\"WON\"}\n"));
        output.reset();

        ImportSummary summary = runImport(write(
                "lost.ndjson", "{\"op\":\"lifecycle\",\"email\":\"oleksandr@example.com\",\"stage\":\"LOST\"}\n"));

        assertThat(summary.countOf(Outcome.FAILED)).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(ImportSummary.EXIT_FAILED);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("line 1: failed CONFLICT Lead is WON and cannot move to LOST.");
    }

    @Test
    void followUpOfUnknownLeadFailsAfterWaiting() throws Exception {
        ImportSummary summary = runImport(
                write("f.ndjson", "{\"op\":\"lifecycle\",\"email\":\"nobody@example.org\",\"stage\":\"MQL\"}\n"));

        assertThat(summary.countOf(Outcome.FAILED)).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("line 1: failed NOT_FOUND no lead with email nobody@example.org");
    }

    @Test
    void duplicateLeadKeepsExistingId() throws Exception {
        runImport(write("leads.csv", LEADS_CSV));
        output.reset();
        String giorgosId = gateway.lead("giorgos@example.org").path("id").asText();

        ImportSummary summary = runImport(write(
                "changed.ndjson",
                "{\"name\":\"Giorgos P.\",\"email\":\"giorgos@example.org\",\"company\":\"X\","
                        + "\"organization_type\":\"Government\",\"sustainability_score\":61}\n"
                        + "{\"op\":\"deal_value\",\"email\":\"giorgos@example.org\",\"deal_value\":5}\n"));

        assertThat(summary.countOf(Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(summary.countOf(Outcome.APPLIED)).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(ImportSummary.EXIT_OK);
        assertThat(gateway.received().stream().filter(request -> request.path().contains("q=")))
                .as("the id comes from the duplicate error, so no search is needed")
                .isEmpty();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("line 2: applied " + giorgosId);
    }

    @Test
    void waitsForRetryAfterOnRateLimit() throws Exception {
        Path leads = write("leads.csv", LEADS_CSV);
        gateway.rateLimitNext(2);
        long started = System.nanoTime();

        ImportSummary summary = runImport(leads);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(summary.countOf(Outcome.CREATED)).isEqualTo(2);
        assertThat(summary.countOf(Outcome.FAILED)).isZero();
    }

    @Test
    void stopsWhenTheKeyIsRejected() throws Exception {
        Path leads = write("leads.csv", LEADS_CSV);
        LeadImport leadImport =
                new LeadImport(new ApiClient(gateway.url(), "wrong-key"), 4, Duration.ofSeconds(1), print());

        assertThatThrownBy(() -> leadImport.run(ImportFiles.read(leads)))
                .isInstanceOf(ApiKeyRejectedException.class)
                .hasMessageContaining("UNAUTHORIZED");
        assertThat(gateway.received("POST", "/leads")).isEmpty();
    }

    @Test
    void sampleDataImportsWithoutFailures() throws Exception {
        Path data = Path.of("..", "data");

        ImportSummary leads = runImport(data.resolve("sample-leads.csv"));
        ImportSummary followUps = runImport(data.resolve("sample-followups.ndjson"));

        assertThat(leads.countOf(Outcome.CREATED)).isEqualTo(2663);
        assertThat(leads.exitCode()).isEqualTo(ImportSummary.EXIT_OK);
        assertThat(followUps.countOf(Outcome.APPLIED)).isEqualTo(followUps.rows());
        assertThat(followUps.exitCode()).isEqualTo(ImportSummary.EXIT_OK);

        ImportSummary again = runImport(data.resolve("sample-followups.ndjson"));

        assertThat(again.countOf(Outcome.ALREADY_APPLIED)).isEqualTo(again.rows());
    }

    private int writeCount() {
        return (int) gateway.received().stream()
                .filter(request -> !request.method().equals("GET"))
                .count();
    }

    private ImportSummary runImport(Path file) throws Exception {
        LeadImport leadImport = new LeadImport(
                new ApiClient(gateway.url(), RecordingGateway.API_KEY), 4, Duration.ofSeconds(1), print());
        return leadImport.run(ImportFiles.read(file));
    }

    private PrintStream print() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
