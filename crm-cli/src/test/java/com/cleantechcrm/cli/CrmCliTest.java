package com.cleantechcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrmCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsUsage() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("crm-cli import FILE");
    }

    @Test
    void unknownCommandIsUsageError() {
        assertThat(run("export")).isEqualTo(CrmCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown command: export");
    }

    @Test
    void importWithoutFileIsUsageError() {
        assertThat(run("import", "--key", "k")).isEqualTo(CrmCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Expected exactly one argument for import FILE");
    }

    @Test
    void importOfMissingFileIsUsageError() {
        assertThat(run("import", "does-not-exist.csv", "--key", "k")).isEqualTo(CrmCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("File not found: does-not-exist.csv");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(run("import", "leads.csv", "--key", "k", "--threds", "4")).isEqualTo(CrmCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option for import: --threds");
    }

    @Test
    void unreachableGatewayFailsWithHint() throws Exception {
        Path file = Files.createTempFile("leads", ".csv");
        Files.writeString(file, "name,email\nA,a@example.org\n");
        try (ServerSocket closed = new ServerSocket(0)) {
            int port = closed.getLocalPort();
            closed.close();

            int exit = run("import", file.toString(), "--key", "k", "--url", "http://127.0.0.1:" + port);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("Import stopped.")
                    .contains("Is the system running (./crm up)");
        } finally {
            Files.delete(file);
        }
    }

    private int run(String... args) {
        return CrmCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
