package com.cleantechcrm.system.fault;

import com.cleantechcrm.system.OrphanGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own, created with {@code initdb} under {@code target/} and listening on a free port of
 * 127.0.0.1, so that a test can stop and start it without touching the machine's shared server. PostgreSQL refuses to
 * run as root, so when the tests run as root its programs run as the operating system user {@code postgres}, and the
 * cluster moves to a directory under {@code /tmp} when that user cannot reach {@code target/}.
 */
final class PrivatePostgres {

    private static final String OS_USER = "postgres";

    private final Path binaries;
    private final Path directory;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    /** Creates a new cluster in {@code directory}, replacing what was there, and starts it. */
    static PrivatePostgres create(Path directory, int port) throws IOException, InterruptedException {
        PrivatePostgres postgres = new PrivatePostgres(findBinaries(), directory, port);
        if (!postgres.prepareDirectory()) {
            // A checkout under a home directory such as /root is closed to other users, so the cluster moves to /tmp.
            Path temporary = Files.createTempDirectory("crm-fault-postgres");
            temporary.toFile().setExecutable(true, false);
            postgres = new PrivatePostgres(postgres.binaries, temporary.resolve("cluster"), port);
            postgres.prepareDirectory();
        }
        postgres.initialise();
        postgres.start();
        return postgres;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run(
                binaries.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                directory.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                // fsync off: a killed server still recovers from its WAL, only a machine crash could lose data.
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=100",
                "start");
        // pg_ctl puts the server in a session of its own, so nothing else would stop it when the tests die.
        OrphanGuard.signalWithThisJvm(postmasterPid(), "QUIT");
    }

    /** Returns the server's process id, the first line of {@code postmaster.pid}; SIGQUIT to it is an immediate stop. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /**
     * Stops the server in {@code immediate} mode: every backend is killed at once, open transactions are lost and
     * the next start runs crash recovery, as after a power cut of the database alone.
     */
    void crash() throws IOException, InterruptedException {
        run(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    void stopQuietly() {
        try {
            crash();
        } catch (IOException | RuntimeException e) {
            // Already stopped, or never started.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates an empty directory for the cluster that the user {@code postgres} owns, and returns whether that user can
     * reach it through every parent directory.
     */
    private boolean prepareDirectory() throws IOException, InterruptedException {
        FileTrees.deleteIfExists(directory);
        Files.createDirectories(directory);
        if (!runsAsRoot()) {
            return true;
        }
        UserPrincipal owner =
                directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        Files.setOwner(directory, owner);
        Process check = new ProcessBuilder("runuser", "-u", OS_USER, "--", "test", "-w", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    }

    private void initialise() throws IOException, InterruptedException {
        run(
                binaries.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (runsAsRoot()) {
            line.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        line.addAll(List.of(command));
        Path output = Files.createTempFile("pg-command", ".log");
        try {
            Process process = new ProcessBuilder(line)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " timed out after 90 seconds.");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed with exit code " + process.exitValue()
                        + ":\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Finds the newest {@code /usr/lib/postgresql/<version>/bin} that has {@code initdb} and {@code pg_ctl}. */
    private static Path findBinaries() throws IOException {
        Path installations = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installations)) {
            throw new IllegalStateException("No PostgreSQL server binaries under " + installations
                    + "; the fault tests need initdb and pg_ctl to run a private cluster.");
        }
        try (Stream<Path> versions = Files.list(installations)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(PrivatePostgres::majorVersion))
                    .orElseThrow(() -> new IllegalStateException(
                            "No initdb and pg_ctl under " + installations + "/*/bin; install the PostgreSQL server."));
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
