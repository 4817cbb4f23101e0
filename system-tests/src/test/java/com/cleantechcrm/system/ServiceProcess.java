package com.cleantechcrm.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service jar running as a child process, with its output in a log file under {@code target/}. A fault test can
 * kill it and start it again on the same port with the same environment; the log then goes on in the same file.
 */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Service jar " + jar + " is missing; build it with ./mvnw package.");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Files.deleteIfExists(log);
        ServiceProcess service = new ServiceProcess(name, jar, port, environment, log);
        service.launch();
        return service;
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(javaExecutable(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        OrphanGuard.killWithThisJvm(process);
    }

    public void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + "; log tail:\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The service has not opened its port yet, or answers too slowly while it starts.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout + "; log tail:\n" + tail());
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the process with SIGKILL, as {@code kill -9} does: no shutdown hook runs and nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not exit within 30 seconds of SIGKILL.");
        }
    }

    /** Starts the service again on the same port with the same environment and waits until it is ready. */
    public void restart(Duration timeout) throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running; kill or stop it first.");
        }
        launch();
        awaitReady(timeout);
    }

    void stop() {
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
}
