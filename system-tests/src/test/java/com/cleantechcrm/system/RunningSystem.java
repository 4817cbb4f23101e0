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
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Why the shared system failed to start, so that later test classes fail at once instead of starting another. */
    private static Exception startFailure;

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
    private final AtomicInteger unthrottledIssued = new AtomicInteger();

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

        boolean ready = false;
        try {
            for (ServiceProcess service : services()) {
                service.awaitReady(START_TIMEOUT);
            }
            ready = true;
        } finally {
            // A start that fails leaves no service running behind it.
            if (!ready) {
                stop();
            }
        }
    }

    /** Returns the system shared by the tests of this package, started on first use and stopped when the JVM exits. */
    static synchronized RunningSystem get() throws Exception {
        if (startFailure != null) {
            throw new IllegalStateException("The shared system failed to start earlier", startFailure);
        }
        if (instance == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.afterPropertiesSet();
            try {
                RunningSystem system = new RunningSystem(
                        new Backends(TestDatabase.jdbcUrl(), broker.getBrokersAsString(), "e2e", rateLimitOverrides()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    system.stop();
                    broker.destroy();
                }));
                instance = system;
            } catch (Exception e) {
                startFailure = e;
                broker.destroy();
                throw e;
            }
        }
        return instance;
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

    /** Returns per-organisation limits as environment variables of the gateway, the way operators set them. */
    private static Map<String, String> rateLimitOverrides() {
        Map<String, String> environment = new HashMap<>();
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
        return environment;
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
