package com.cleantechcrm.system.fault;

import com.cleantechcrm.system.OrphanGuard;
import com.cleantechcrm.system.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a JVM of its own, started with {@code kafka.Kafka} from the Kafka jars on the test
 * classpath. Its log is on disk under {@code target/}, so a broker killed with SIGKILL restarts with every record it
 * had acknowledged: with {@code acks=all} on one node, an acknowledged record is in the operating system's page cache,
 * which outlives the process.
 */
final class KafkaBrokerProcess {

    private final Path directory;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.properties = directory.resolve("server.properties");
        this.port = port;
    }

    /** Formats a new log directory under {@code directory}, replacing what was there, and starts the broker. */
    static KafkaBrokerProcess create(Path directory, int port, int controllerPort)
            throws IOException, InterruptedException {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port);
        broker.format(controllerPort);
        broker.start();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its log directory and waits until it returns a cluster description. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The Kafka broker is still running; kill it first.");
        }
        process = java("kafka.Kafka", properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("broker.log").toFile()))
                .start();
        OrphanGuard.killWithThisJvm(process);
        awaitReady(Duration.ofSeconds(240));
    }

    /** Kills the broker with SIGKILL, as {@code kill -9} does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The Kafka broker did not exit within 30 seconds of SIGKILL.");
        }
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void format(int controllerPort) throws IOException, InterruptedException {
        FileTrees.deleteIfExists(directory);
        Files.createDirectories(directory);
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + directory.resolve("data"),
                        "auto.create.topics.enable=false",
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=3",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        ""));
        Process formatting = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("format.log").toFile()))
                .start();
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            formatting.destroyForcibly();
            throw new IllegalStateException(
                    "Formatting the Kafka log directory failed:\n" + Files.readString(directory.resolve("format.log")));
        }
    }

    private ProcessBuilder java(String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                ServiceProcess.javaExecutable(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                            + "; see " + directory.resolve("broker.log"));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notReadyYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IllegalStateException(
                "The Kafka broker was not ready after " + timeout + "; see " + directory.resolve("broker.log"));
    }
}
