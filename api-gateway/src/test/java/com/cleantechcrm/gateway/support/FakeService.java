package com.cleantechcrm.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on 127.0.0.1 that plays command-service or query-service: it records every request it receives
 * and responds with the response set by {@link #respondWith}.
 */
public final class FakeService implements AutoCloseable {

    /** A request as the service received it. */
    public record ReceivedRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The response the service sends; the service waits {@code delay} before responding. */
    public record CannedResponse(int status, Map<String, String> headers, String body, Duration delay) {

        public static CannedResponse json(int status, String body) {
            return new CannedResponse(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }
    }

    private static final CannedResponse DEFAULT_RESPONSE = CannedResponse.json(200, "{\"served\":true}");

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<ReceivedRequest> received = new LinkedBlockingQueue<>();
    private final AtomicReference<CannedResponse> response = new AtomicReference<>(DEFAULT_RESPONSE);

    private FakeService(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.server.setExecutor(executor);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    public static FakeService start(String name) {
        try {
            return new FakeService(name);
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start the fake " + name, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void respondWith(CannedResponse canned) {
        response.set(canned);
    }

    /** Forgets received requests and restores the default response. */
    public void reset() {
        received.clear();
        response.set(DEFAULT_RESPONSE);
    }

    /** Returns the next received request, waiting up to 5 seconds; fails when none arrives. */
    public ReceivedRequest takeRequest() {
        try {
            ReceivedRequest request = received.poll(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("The fake " + name + " received no request within 5 seconds");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a request to the fake " + name, e);
        }
    }

    public boolean hasReceivedAnything() {
        return !received.isEmpty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream input = exchange.getRequestBody()) {
            body = input.readAllBytes();
        }
        received.add(new ReceivedRequest(
                exchange.getRequestMethod(), exchange.getRequestURI(), Map.copyOf(exchange.getRequestHeaders()), body));

        CannedResponse canned = response.get();
        if (!canned.delay().isZero()) {
            try {
                Thread.sleep(canned.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        canned.headers()
                .forEach((header, value) -> exchange.getResponseHeaders().add(header, value));
        byte[] responseBody = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(canned.status(), responseBody.length == 0 ? -1 : responseBody.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(responseBody);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
