package com.cleantechcrm.command.support;

import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that run the whole service against the real PostgreSQL (schema {@code command_service_test}) and
 * a Kafka broker started in the test JVM. Every subclass shares one Spring context and one broker. Each test works in
 * a fresh random organisation, so the tests can run again on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, partitions = 2)
public abstract class CommandServiceIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Autowired
    private InternalTokenIssuer tokenIssuer;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Caller caller;

    @BeforeEach
    void newOrganisation() {
        caller = newCaller();
    }

    protected static Caller newCaller() {
        return new Caller(UUID.randomUUID(), "key-" + UUID.randomUUID(), Set.of("leads:read", "leads:write"));
    }

    protected HttpResponse<String> post(String path, Object body) {
        return send("POST", path, "application/json", toJson(body), caller, Map.of());
    }

    protected HttpResponse<String> put(String path, Object body) {
        return send("PUT", path, "application/json", toJson(body), caller, Map.of());
    }

    protected HttpResponse<String> send(
            String method, String path, String contentType, String body, Caller as, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (as != null) {
            request.header("Authorization", "Bearer " + tokenIssuer.issue(as));
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The request " + method + " " + path + " failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The request " + method + " " + path + " was interrupted.", e);
        }
    }

    protected JsonNode bodyOf(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("The response body is not JSON: " + response.body(), e);
        }
    }

    protected String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long storedEventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected static String randomEmail() {
        return "lead-" + UUID.randomUUID() + "@example.org";
    }

    /** Builds a valid create body with every optional field set. */
    protected ObjectNode validLead(String email) {
        ObjectNode body = json.createObjectNode();
        body.put("name", "Grace Hopper");
        body.put("email", email);
        body.put("company", "Harbour Wind Cooperative");
        body.put("organization_type", "Corporate");
        body.put("sustainability_score", 81);
        ObjectNode compliance = body.putObject("regulatory_compliance");
        compliance.put("status", "pending");
        compliance.putArray("requirements").add("grid interconnection").add("EIA");
        ObjectNode procurement = body.putObject("procurement_cycle");
        procurement.put("estimated_duration", 120);
        procurement.put("stage", "RFP");
        body.put("deal_value", new java.math.BigDecimal("1250000.50"));
        ObjectNode source = body.putObject("source");
        source.put("channel", "ABM");
        source.put("campaign", "offshore-q3");
        return body;
    }

    /** Creates a lead through the API and returns its id. */
    protected UUID createLead(ObjectNode body) {
        HttpResponse<String> response = post("/leads", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("Creating a lead returned " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(bodyOf(response).get("id").asText());
    }

    /** Sends the bodies at the same moment from separate threads, in the current organisation. */
    protected List<HttpResponse<String>> postConcurrently(List<ObjectNode> bodies, Map<String, String> headers)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> futures = bodies.stream()
                    .map(body -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitQuietly(start);
                                return send("POST", "/leads", "application/json", toJson(body), caller, headers);
                            },
                            executor))
                    .toList();
            start.countDown();
            return futures.stream()
                    .map(future -> future.orTimeout(60, TimeUnit.SECONDS).join())
                    .toList();
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
