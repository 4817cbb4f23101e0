package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's import goes through the public API, is idempotent, and keeps text byte for byte. */
class ImportSystemTest {

    private static final String HEADER = "name,email,company,organization_type,sustainability_score,compliance_status,"
            + "compliance_requirements,procurement_estimated_duration,procurement_stage,deal_value,source_channel,"
            + "source_campaign";

    private static RunningSystem system;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void importTwiceCreatesOnceAndKeepsText() throws Exception {
        String key = system.createKey(system.unthrottledOrganization(), "leads:read,leads:write,stats:read");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> rows = List.of(
                "Zoë Παπαδοπούλου,zoe." + run + "@example.org,\"Δήμος Αθηναίων, \"\"Energy\"\" Office\",Government,80,"
                        + "pending,EIA;grid permit,365,RFP,250000.50,ABM,municipal",
                "Алёна Ткаченко,alena." + run + "@example.net,Київська міська рада,Government,70,approved,,200,"
                        + "tender,1000,SEO,",
                "François Müller,francois." + run + "@example.com,\"Énergies Renouvelables, S.A.\",Corporate,55,"
                        + "rejected,,90,discovery,0,,");
        Path leads = folder.resolve("leads.csv");
        Files.writeString(leads, HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        Path followUps = folder.resolve("follow-ups.ndjson");
        Files.writeString(
                followUps,
                "{\"op\":\"lifecycle\",\"email\":\"alena." + run + "@example.net\",\"stage\":\"MQL\"}\n",
                StandardCharsets.UTF_8);

        List<String> first = importFile(key, leads);
        List<String> second = importFile(key, leads);
        importFile(key, followUps);
        importFile(key, followUps);

        assertThat(first)
                .filteredOn(line -> line.matches("line \\d+: created .*"))
                .hasSize(3);
        assertThat(second)
                .filteredOn(line -> line.matches("line \\d+: already imported .*"))
                .hasSize(3);
        ApiClient client = new ApiClient(system.gatewayUrl(), key);
        Response page = client.awaitGet(
                "/leads?limit=100", response -> response.body().path("items").size() == 3);
        assertThat(page.body().get("items").size()).isEqualTo(3);
        JsonNode zoe = findByEmail(client, "zoe." + run + "@example.org");
        assertThat(zoe.get("company").asText()).isEqualTo("Δήμος Αθηναίων, \"Energy\" Office");
        assertThat(zoe.get("name").asText()).isEqualTo("Zoë Παπαδοπούλου");
        assertThat(zoe.get("deal_value").decimalValue()).isEqualByComparingTo("250000.50");
        JsonNode alena = findByEmail(client, "alena." + run + "@example.net");
        assertThat(alena.get("company").asText()).isEqualTo("Київська міська рада");
        String alenaId = alena.get("id").asText();
        Response history = client.awaitGet(
                "/leads/" + alenaId + "/history",
                response -> response.body().path("events").size() == 2);
        assertThat(history.body().get("events").size())
                .as("one stage move despite two imports")
                .isEqualTo(2);
    }

    @Test
    void sampleDataLoadsAndStatisticsReflectIt() throws Exception {
        String key = system.createKey(system.unthrottledOrganization(), "leads:read,leads:write,stats:read");
        Path sample = system.root().resolve("data/sample-leads.csv");
        long rows = Files.readAllLines(sample, StandardCharsets.UTF_8).size() - 1;

        importFile(key, sample);
        Path followUps = system.root().resolve("data/sample-followups.ndjson");
        importFile(key, followUps);
        // At once, while the read side may still lag behind the first run.
        List<String> again = importFile(key, followUps);

        assertThat(again)
                .filteredOn(line -> line.matches("line \\d+: applied .*"))
                .isEmpty();

        ApiClient client = new ApiClient(system.gatewayUrl(), key);
        Response stats = client.awaitGet("/leads/stats/growth", response -> {
            JsonNode compliance = response.body().path("regulatory_compliance");
            long counted = compliance.path("pending").asLong()
                    + compliance.path("approved").asLong()
                    + compliance.path("rejected").asLong();
            return counted == rows;
        });
        assertThat(stats.body().get("pipeline_value").get("current").asDouble()).isPositive();
        assertThat(stats.body().get("conversion_rates").get("mql_to_sql").asDouble())
                .isPositive();
        assertThat(stats.body().get("conversion_rates").get("sql_to_won").asDouble())
                .isPositive();
    }

    private static JsonNode findByEmail(ApiClient client, String email) {
        Response page = client.get("/leads?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(page.body().get("items").size())
                .as("leads matching " + email)
                .isEqualTo(1);
        return page.body().get("items").get(0);
    }

    private static List<String> importFile(String key, Path file) throws Exception {
        return RunningSystem.runJar(
                system.root().resolve("crm-cli/target/crm-cli.jar"),
                Map.of("CRM_API_KEY", key),
                "import",
                file.toString(),
                "--url",
                system.gatewayUrl());
    }
}
