package com.cleantechcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.cli.importing.FollowUpOperation;
import com.cleantechcrm.cli.importing.ImportFiles;
import com.cleantechcrm.cli.importing.ImportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    /** The repository's data folder; Surefire runs the tests in the module folder. */
    private static final Path DATA = Path.of("..", "data");

    private static final Set<String> STAGE_ORDER_OPEN = Set.of("LEAD", "MQL", "SQL");
    private static final List<String> STAGES = List.of("LEAD", "MQL", "SQL", "WON");

    @TempDir
    static Path output;

    private static List<SampleDataGenerator.Organization> organizations;
    private static List<ImportRow> leadRows;
    private static List<ImportRow> followUpRows;

    @BeforeAll
    static void generate() throws Exception {
        organizations = SampleDataGenerator.readOrganizations(DATA.resolve("organizations.csv"));
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).writeFiles(DATA.resolve("organizations.csv"), output);
        leadRows = ImportFiles.read(output.resolve(SampleDataGenerator.LEADS_FILE));
        followUpRows = ImportFiles.read(output.resolve(SampleDataGenerator.FOLLOW_UPS_FILE));
    }

    @Test
    void committedSampleFilesMatchGeneratorOutput() throws IOException {
        for (String file : List.of(SampleDataGenerator.LEADS_FILE, SampleDataGenerator.FOLLOW_UPS_FILE)) {
            assertThat(Files.readAllBytes(output.resolve(file)))
                    .as("%s is out of date: run java -jar crm-cli/target/crm-cli.jar sample-data", file)
                    .isEqualTo(Files.readAllBytes(DATA.resolve(file)));
        }
    }

    @Test
    void generatorIsDeterministic(@TempDir Path second) throws IOException {
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).writeFiles(DATA.resolve("organizations.csv"), second);

        assertThat(Files.readAllBytes(second.resolve(SampleDataGenerator.LEADS_FILE)))
                .isEqualTo(Files.readAllBytes(output.resolve(SampleDataGenerator.LEADS_FILE)));
        assertThat(Files.readAllBytes(second.resolve(SampleDataGenerator.FOLLOW_UPS_FILE)))
                .isEqualTo(Files.readAllBytes(output.resolve(SampleDataGenerator.FOLLOW_UPS_FILE)));
    }

    @Test
    void leadKeepsOrganisationNameAndType() {
        assertThat(organizations).hasSize(2663);
        assertThat(leadRows).hasSize(organizations.size());
        assertThat(leadRows).allMatch(ImportRow::isReadable);
        for (int i = 0; i < organizations.size(); i++) {
            byte[] expected = organizations.get(i).name().getBytes(StandardCharsets.UTF_8);
            byte[] actual = leadRows.get(i).body().get("company").asText().getBytes(StandardCharsets.UTF_8);
            assertThat(actual).as("company of lead %d", i).isEqualTo(expected);
            assertThat(leadRows.get(i).body().get("organization_type").asText())
                    .isEqualTo(organizations.get(i).type());
        }
    }

    @Test
    void companyNamesSurviveCsvRoundTrip() {
        Set<String> companies =
                leadRows.stream().map(row -> row.body().get("company").asText()).collect(Collectors.toSet());

        // Тarigrad starts with a Cyrillic capital te; Korsun-Shevchenkivskіу AC ends in Cyrillic letters.
        assertThat(companies).contains("LLC \"VTK-invest\"", "Тarigrad", "Δήμος Πάργας", "Korsun-Shevchenkivskіу AC");
        assertThat(companies).anyMatch(company -> company.contains(","));
        assertThat(companies).contains("Société Algérienne de Production de l’Electricité (SPE)");
    }

    @Test
    void personNamesIncludeGreekCyrillicAndAccents() {
        List<String> names =
                leadRows.stream().map(row -> row.body().get("name").asText()).toList();

        assertThat(names)
                .anyMatch(name -> name.codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK));
        assertThat(names)
                .anyMatch(name -> name.codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
        assertThat(names).anyMatch(name -> name.contains("ü") || name.contains("é"));
        assertThat(names).anyMatch(name -> name.contains("'"));
    }

    @Test
    void emailsAreUniqueAsciiAtExampleDomains() {
        Set<String> emails = new HashSet<>();
        for (ImportRow row : leadRows) {
            String email = row.email();
            assertThat(email).matches("[a-z0-9]+(\\.[a-z0-9]+)*[0-9]*@example\\.(org|com|net)");
            assertThat(emails.add(email.toLowerCase())).as("unique %s", email).isTrue();
        }
    }

    @Test
    void leadValuesAreWithinTheApiLimits() {
        for (ImportRow row : leadRows) {
            var body = row.body();
            assertThat(body.get("sustainability_score").asInt()).isBetween(0, 100);
            assertThat(body.at("/procurement_cycle/estimated_duration").asInt()).isBetween(1, 3650);
            assertThat(body.at("/regulatory_compliance/status").asText()).isIn("pending", "approved", "rejected");
            if (body.has("deal_value")) {
                assertThat(body.get("deal_value").decimalValue().scale()).isLessThanOrEqualTo(2);
                assertThat(body.get("deal_value").decimalValue().signum()).isPositive();
            }
            if (body.has("source")) {
                assertThat(body.at("/source/channel").asText())
                        .isIn("ABM", "SEO", "PPC", "EMAIL", "EVENT", "REFERRAL", "DIRECT", "OTHER");
            }
        }
    }

    @Test
    void followUpsObeyTheLifecycleAndComplianceRules() {
        Map<String, ImportRow> leadsByEmail =
                leadRows.stream().collect(Collectors.toMap(ImportRow::email, Function.identity()));
        Map<String, String> stage = new HashMap<>();
        Map<String, String> compliance = new HashMap<>();
        Map<String, Set<FollowUpOperation>> kindsSeen = new HashMap<>();
        Set<String> playbooks = new HashSet<>();

        assertThat(followUpRows).hasSizeBetween(300, 1000);
        for (ImportRow row : followUpRows) {
            assertThat(row.isReadable()).isTrue();
            ImportRow lead = leadsByEmail.get(row.email());
            assertThat(lead).as("lead of line %d", row.line()).isNotNull();
            String email = row.email();
            String current = stage.computeIfAbsent(email, e -> "LEAD");
            String status = compliance.computeIfAbsent(
                    email, e -> lead.body().at("/regulatory_compliance/status").asText());
            boolean government = lead.body().get("organization_type").asText().equals("Government");
            FollowUpOperation operation = row.operation();

            if (operation != FollowUpOperation.LIFECYCLE) {
                assertThat(kindsSeen
                                .computeIfAbsent(email, e -> new HashSet<>())
                                .add(operation))
                        .as("one %s change per lead, line %d", operation, row.line())
                        .isTrue();
            }
            switch (operation) {
                case COMPLIANCE ->
                    compliance.put(email, row.body().get("status").asText());
                case LIFECYCLE -> {
                    String next = row.body().get("stage").asText();
                    assertThat(STAGE_ORDER_OPEN)
                            .as("line %d moves an open lead", row.line())
                            .contains(current);
                    assertThat(status)
                            .as("line %d moves a rejected lead", row.line())
                            .isNotEqualTo("rejected");
                    if (!next.equals("LOST")) {
                        assertThat(STAGES.indexOf(next))
                                .as("line %d", row.line())
                                .isEqualTo(STAGES.indexOf(current) + 1);
                    }
                    if (government && (next.equals("SQL") || next.equals("WON"))) {
                        assertThat(status)
                                .as("line %d needs approved compliance", row.line())
                                .isEqualTo("approved");
                    }
                    stage.put(email, next);
                }
                case DEAL_VALUE, PLAYBOOK -> assertThat(STAGE_ORDER_OPEN).contains(current);
                case PROCUREMENT ->
                    assertThat(row.body().get("estimated_duration").asInt()).isBetween(1, 3650);
            }
            if (operation == FollowUpOperation.PLAYBOOK) {
                playbooks.add(row.body().get("playbook_id").asText());
            }
        }

        assertThat(stage.values()).contains("MQL", "SQL", "WON", "LOST");
        assertThat(new ArrayList<>(compliance.values())).contains("approved", "rejected");
        assertThat(playbooks).isNotEmpty();
    }
}
