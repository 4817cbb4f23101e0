package com.cleantechcrm.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The three service jars running as processes against one PostgreSQL database and one Kafka broker, each service in
 * its own schema, which is emptied first. {@link #get()} is the system most tests share: the local database
 * {@code test} and a Kafka broker in this JVM. Fault tests start their own with {@link #start(Backends)}.
 */
public final class RunningSystem {

    public static final String DB_USER = System.getenv().getOrDefault("CRM_DB_USER", "postgres");
    public static final String DB_PASSWORD = System.getenv().getOrDefault("CRM_DB_PASSWORD", "");
    static final String SECRET = "system-test-internal-token-secret-" + UUID.randomUUID();

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static RunningSystem instance;

    /**
     * Where a system keeps its data.
     *
     * @param jdbcUrl the database, without parameters; each service gets a schema named {@code <schemaPrefix>_<role>}
     * @param kafkaBootstrapServers the broker the services publish to and consume from
     * @param schemaPrefix the start of the schema names, such as {@code e2e}
     * @param gatewayEnvironment extra environment variables of the gateway
     */
    public record Backends(
            String jdbcUrl, String kafkaBootstrapServers, String schemaPrefix, Map<String, String> gatewayEnvironment) {

        public String schema(String role) {
            return schemaPrefix + "_" + role;
        }
    }

    private final Backends backends;
    private final Path root;
    private final Path logs;
    private final Map<String, String> gatewayEnvironment;
    private final ServiceProcess command;
    private final ServiceProcess query;
    private final ServiceProcess gateway;

    private RunningSystem(Backends backends) throws Exception {
        this.backends = backends;
        root = projectRoot();
        logs = root.resolve("system-tests/target/service-logs/" + backends.schemaPrefix());
        resetSchemas(backends, "command", "query", "gateway");

        Map<String, String> common = new HashMap<>();
        common.put("CRM_KAFKA_BOOTSTRAP_SERVERS", backends.kafkaBootstrapServers());
        common.put("CRM_KAFKA_TOPIC_PARTITIONS", "3");
        common.put("CRM_INTERNAL_TOKEN_SECRET", SECRET);
        common.put("SPRING_DATASOURCE_USERNAME", DB_USER);
        common.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
        common.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5");

        command = start("command-service", withSchema(common, backends.schema("command")));
        query = start("query-service", withSchema(common, backends.schema("query")));

        gatewayEnvironment = withSchema(common, backends.schema("gateway"));
        gatewayEnvironment.put("CRM_COMMAND_SERVICE_URL", command.url());
        gatewayEnvironment.put("CRM_QUERY_SERVICE_URL", query.url());
        gatewayEnvironment.putAll(backends.gatewayEnvironment());
        gateway = start("api-gateway", gatewayEnvironment);

        for (ServiceProcess service : services()) {
            service.awaitReady(START_TIMEOUT);
        }
    }

    /** Returns the system shared by the tests of this package, started on first use and stopped when the JVM exits. */
    static synchronized RunningSystem get() throws Exception {
        if (instance == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.afterPropertiesSet();
            RunningSystem system = new RunningSystem(
                    new Backends(TestDatabase.jdbcUrl(), broker.getBrokersAsString(), "e2e", Map.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.stop();
                broker.destroy();
            }));
            instance = system;
        }
        return instance;
    }

    /** Starts a system on the given backends and waits until every service is ready. The caller stops it. */
    public static RunningSystem start(Backends backends) throws Exception {
        return new RunningSystem(backends);
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("crm.project.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    String commandUrl() {
        return command.url();
    }

    String queryUrl() {
        return query.url();
    }

    public ServiceProcess command() {
        return command;
    }

    public ServiceProcess query() {
        return query;
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public List<ServiceProcess> services() {
        return List.of(command, query, gateway);
    }

    public Backends backends() {
        return backends;
    }

    Path root() {
        return root;
    }

    /** Returns what a service has logged so far. */
    String log(String service) throws IOException {
        return Files.readString(logs.resolve(service + ".log"));
    }

    /** Creates an organisation's API key with the gateway's own command line, as an operator would. */
    public String createKey(String organization, String scopes) throws IOException, InterruptedException {
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

    /** Stops every service, gateway first. */
    public void stop() {
        List.of(gateway, query, command).forEach(ServiceProcess::stop);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ServiceProcess start(String name, Map<String, String> environment) throws IOException {
        return ServiceProcess.start(
                name, root.resolve(name + "/target/" + name + ".jar"), freePort(), environment, logs);
    }

    private Map<String, String> withSchema(Map<String, String> common, String schema) {
        Map<String, String> environment = new HashMap<>(common);
        environment.put("SPRING_DATASOURCE_URL", backends.jdbcUrl() + "?currentSchema=" + schema);
        environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        environment.put("SPRING_FLYWAY_CREATE_SCHEMAS", "true");
        return environment;
    }

    private static void resetSchemas(Backends backends, String... roles) throws SQLException {
        try (Connection connection = DriverManager.getConnection(backends.jdbcUrl(), DB_USER, DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String role : roles) {
                statement.execute("DROP SCHEMA IF EXISTS " + backends.schema(role) + " CASCADE");
            }
        }
    }
}
