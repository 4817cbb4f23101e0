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

    private static RunningSystem instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Path root;
    private final Map<String, String> gatewayEnvironment;
    private ServiceProcess command;
    private ServiceProcess query;
    private ServiceProcess gateway;

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
        gateway = start("api-gateway", freePort(), gatewayEnvironment, logs);

        Duration timeout = Duration.ofSeconds(180);
        for (ServiceProcess service : services) {
            service.awaitReady(timeout);
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
