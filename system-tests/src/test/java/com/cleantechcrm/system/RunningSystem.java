package com.cleantechcrm.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole product, started once per test run: a Kafka broker in this JVM and the three service jars as processes,
 * each service in its own schema of the local PostgreSQL database {@code test}, which is emptied first.
 */
final class RunningSystem {

    static final String JDBC_BASE = TestDatabase.jdbcUrl();
    static final String DB_USER = System.getenv().getOrDefault("CRM_DB_USER", "postgres");
    static final String DB_PASSWORD = System.getenv().getOrDefault("CRM_DB_PASSWORD", "");
    static final String SECRET = "system-test-internal-token-secret-" + UUID.randomUUID();

    /**
     * Organisations whose rate limits are far above the published ones, for tests that send more requests than those
     * allow. The gateway reads overrides at start, so their names are fixed before it starts.
     */
    private static final int UNTHROTTLED_ORGANIZATIONS = 16;

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);

    /** An organisation with a burst limit of 8 requests per 10 seconds, so that a small import meets 429. */
    static final String SMALL_BURST_ORGANIZATION = "Small burst " + RUN_ID;

    static final int SMALL_BURST = 8;

    private static RunningSystem instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Path root;
    private final Map<String, String> gatewayEnvironment;
    private ServiceProcess command;
    private ServiceProcess query;
    private ServiceProcess gateway;
    private final AtomicInteger unthrottledIssued = new AtomicInteger();

    private RunningSystem() throws Exception {
        root = Path.of(System.getProperty("crm.project.root", ".."))
                .toAbsolutePath()
                .normalize();
        resetSchemas("e2e_command", "e2e_query", "e2e_gateway");

        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        // Registered before the services start, so that a service that never gets ready is still stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));

        Map<String, String> common = new HashMap<>();
        common.put("CRM_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
        common.put("CRM_KAFKA_TOPIC_PARTITIONS", "3");
        common.put("CRM_INTERNAL_TOKEN_SECRET", SECRET);
        common.put("SPRING_DATASOURCE_USERNAME", DB_USER);
        common.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
        common.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5");

        Path logs = root.resolve("system-tests/target/service-logs");
        command = start("command-service", freePort(), withSchema(common, "e2e_command"), logs);
        query = start("query-service", freePort(), withSchema(common, "e2e_query"), logs);

        gatewayEnvironment = withSchema(common, "e2e_gateway");
        gatewayEnvironment.put("CRM_COMMAND_SERVICE_URL", "http://127.0.0.1:" + command.port());
        gatewayEnvironment.put("CRM_QUERY_SERVICE_URL", "http://127.0.0.1:" + query.port());
        addRateLimitOverrides(gatewayEnvironment);
        gateway = start("api-gateway", freePort(), gatewayEnvironment, logs);

        Duration timeout = Duration.ofSeconds(180);
        boolean ready = false;
        try {
            for (ServiceProcess service : services) {
                service.awaitReady(timeout);
            }
            ready = true;
        } finally {
            // A start that fails leaves no service or broker running behind the next attempt.
            if (!ready) {
                stop();
            }
        }
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    String commandUrl() {
        return "http://127.0.0.1:" + command.port();
    }

    String queryUrl() {
        return "http://127.0.0.1:" + query.port();
    }

    Path root() {
        return root;
    }

    /** Returns what a service has logged so far. */
    String log(String service) throws IOException {
        return java.nio.file.Files.readString(root.resolve("system-tests/target/service-logs/" + service + ".log"));
    }

    /**
     * Returns the name of an organisation that no test used before, with rate limits far above the published ones.
     * Organisations of any other name have the published limits.
     */
    String unthrottledOrganization() {
        int index = unthrottledIssued.getAndIncrement();
        if (index >= UNTHROTTLED_ORGANIZATIONS) {
            throw new IllegalStateException("All " + UNTHROTTLED_ORGANIZATIONS
                    + " unthrottled organisations are in use; raise RunningSystem.UNTHROTTLED_ORGANIZATIONS");
        }
        return unthrottledName(index);
    }

    private static String unthrottledName(int index) {
        return "Unthrottled " + index + " " + RUN_ID;
    }

    /** Sets per-organisation limits through environment variables, the way operators do. */
    private static void addRateLimitOverrides(Map<String, String> environment) {
        for (int i = 0; i < UNTHROTTLED_ORGANIZATIONS; i++) {
            String prefix = "CRM_RATE_LIMITS_OVERRIDES_" + i + "_";
            environment.put(prefix + "ORGANIZATION", unthrottledName(i));
            environment.put(prefix + "PER_KEY_PER_MINUTE", "1000000");
            environment.put(prefix + "PER_ORGANIZATION_BURST", "1000000");
            environment.put(prefix + "PER_ORGANIZATION_PER_DAY", "100000000");
        }
        String prefix = "CRM_RATE_LIMITS_OVERRIDES_" + UNTHROTTLED_ORGANIZATIONS + "_";
        environment.put(prefix + "ORGANIZATION", SMALL_BURST_ORGANIZATION);
        environment.put(prefix + "PER_ORGANIZATION_BURST", Integer.toString(SMALL_BURST));
    }

    /** Creates an organisation's API key with the gateway's own command line, as an operator would. */
    String createKey(String organization, String scopes) throws IOException, InterruptedException {
        List<String> output = runJar(
                root.resolve("api-gateway/target/api-gateway.jar"),
                gatewayEnvironment,
                "key",
                "create",
                "--org",
                organization,
                "--scopes",
                scopes);
        return output.get(output.size() - 1).trim();
    }

    /** Runs a jar of this project to completion and returns its standard output lines. */
    static List<String> runJar(Path jar, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(jar.getFileName() + " " + String.join(" ", args) + " failed: " + lines);
        }
        return lines;
    }

    private ServiceProcess start(String name, int port, Map<String, String> environment, Path logs) throws IOException {
        ServiceProcess service =
                ServiceProcess.start(name, root.resolve(name + "/target/" + name + ".jar"), port, environment, logs);
        services.add(service);
        return service;
    }

    private static Map<String, String> withSchema(Map<String, String> common, String schema) {
        Map<String, String> environment = new HashMap<>(common);
        environment.put("SPRING_DATASOURCE_URL", JDBC_BASE + "?currentSchema=" + schema);
        environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        environment.put("SPRING_FLYWAY_CREATE_SCHEMAS", "true");
        return environment;
    }

    private static void resetSchemas(String... schemas) throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_BASE, DB_USER, DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        services.forEach(ServiceProcess::stop);
        broker.destroy();
    }
}
