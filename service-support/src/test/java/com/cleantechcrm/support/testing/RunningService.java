package com.cleantechcrm.support.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A service started in the test JVM in an application context of its own, on a free port, with the {@code test}
 * profile and extra properties, for tests that break its dependencies without touching the shared test context.
 */
public final class RunningService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServletWebServerApplicationContext context;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(ServletWebServerApplicationContext context) {
        this.context = context;
    }

    /** Starts the application; the properties are command line arguments, so they override the test profile. */
    public static RunningService start(Class<?> application, Map<String, String> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new RunningService((ServletWebServerApplicationContext)
                new SpringApplicationBuilder(application).profiles("test").run(arguments));
    }

    public int port() {
        return context.getWebServer().getPort();
    }

    /** Returns the HTTP status of a GET of the path. */
    public int status(String path) throws IOException, InterruptedException {
        return get(path).statusCode();
    }

    /** Returns the JSON body of a GET of the path. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    /** Returns the status of a health component, such as {@code db} in {@code /actuator/health/readiness}. */
    public String componentStatus(String healthPath, String component) throws IOException, InterruptedException {
        return json(healthPath)
                .path("components")
                .path(component)
                .path("status")
                .asText();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port() + path);
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
