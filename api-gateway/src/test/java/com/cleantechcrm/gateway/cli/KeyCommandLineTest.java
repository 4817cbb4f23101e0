package com.cleantechcrm.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code key create} in-process, as {@code java -jar api-gateway.jar key create ...} would, against the test
 * database, then uses the printed key on the running gateway.
 */
class KeyCommandLineTest extends GatewayIntegrationTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            return KeyCommandLine.run(args, out, err, "--spring.profiles.active=test");
        }
    }

    private List<String> stdoutLines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void keyCreatePrintsWorkingKeyOnLastLine() {
        String organization = "cli-org-" + UUID.randomUUID();

        int exitCode =
                run("key", "create", "--org", organization, "--scopes", "leads:read,stats:read", "--name", "cli");

        assertThat(exitCode).isEqualTo(KeyCommandLine.EXIT_OK);
        List<String> lines = stdoutLines();
        String key = lines.get(lines.size() - 1);
        assertThat(key).matches("ctk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");

        HttpResponse<String> allowed = send("GET", "/leads", key, null);
        HttpResponse<String> forbidden = send("POST", "/leads", key, "{}");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(QUERY_SERVICE.takeRequest().uri().getPath()).isEqualTo("/leads");
    }

    @Test
    void keyCreateIsRecordedInAuditTrail() throws Exception {
        String organization = "cli-org-" + UUID.randomUUID();

        int exitCode = run("key", "create", "--org", organization, "--scopes", "admin", "--name", "audited");

        assertThat(exitCode).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(KeyCommandLine.EXIT_OK);
        List<String> lines = stdoutLines();
        HttpResponse<String> events = send("GET", "/admin/api-keys/events", lines.get(lines.size() - 1), null);
        assertThat(events.statusCode()).isEqualTo(200);
        JsonNode items = new ObjectMapper().readTree(events.body()).path("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("type").asText()).isEqualTo("created");
        assertThat(items.get(0).path("actor").path("type").asText()).isEqualTo("command_line");
        assertThat(items.get(0).path("details").path("name").asText()).isEqualTo("audited");
    }

    @Test
    void keyCreateTwiceForSameOrganizationSucceeds() {
        String organization = "cli-org-" + UUID.randomUUID();

        int first = run("key", "create", "--org", organization, "--scopes", "leads:read");
        int second = run("key", "create", "--org", organization, "--scopes", "leads:write");

        assertThat(first).isEqualTo(KeyCommandLine.EXIT_OK);
        assertThat(second).isEqualTo(KeyCommandLine.EXIT_OK);
        List<String> lines = stdoutLines();
        assertThat(lines.get(lines.size() - 1)).startsWith("ctk_");
    }

    @Test
    void unknownScopeExitsWithUsage() {
        int exitCode = run("key", "create", "--org", "cli-org", "--scopes", "leads:read,everything");

        assertThat(exitCode).isEqualTo(KeyCommandLine.EXIT_USAGE);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        List<String> errorLines =
                stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).contains("Unknown scope 'everything'", "Usage: ");
    }

    @Test
    void missingArgumentsExitWithUsage() {
        int exitCode = run("key", "create");

        assertThat(exitCode).isEqualTo(KeyCommandLine.EXIT_USAGE);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1);
    }
}
