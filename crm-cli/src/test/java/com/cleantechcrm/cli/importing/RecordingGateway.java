package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP server on 127.0.0.1 that serves the part of the lead API the import uses, with the API's status
 * codes and error envelope, and records every request it received. Lifecycle moves follow the API's rules
 * (forward only, approved compliance for a Government lead at SQL or WON, no move with rejected compliance), and
 * closed leads take no deal value or playbook, so a refused change is a 409 CONFLICT.
 */
final class RecordingGateway implements AutoCloseable {

    static final String API_KEY = "test-key";

    /** One received request, with the body as the bytes arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record StoredResponse(int status, String body) {}

    private static final Pattern LEAD_PATH = Pattern.compile("/leads/([0-9a-f-]{36})(/[a-z-]+)?");
    private static final List<String> STAGES = List.of("LEAD", "MQL", "SQL", "WON", "LOST");

    static {
        // Without TCP_NODELAY the small responses wait for delayed ACKs: the sample data import test took 52 s
        // instead of 4 s on a 2-core Linux machine. The property is read when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper mapper = ImportJson.newObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> leads = new ConcurrentHashMap<>();
    private final Map<String, String> leadIdsByEmail = new ConcurrentHashMap<>();
    private final Map<String, StoredResponse> idempotentResponses = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimitedRequestsLeft = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger();
    private volatile boolean markReplays;

    RecordingGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    List<Received> received(String method, String pathPrefix) {
        return received.stream()
                .filter(request ->
                        request.method().equals(method) && request.path().startsWith(pathPrefix))
                .toList();
    }

    int leadCount() {
        return leads.size();
    }

    ObjectNode lead(String email) {
        return leads.get(leadIdsByEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** Makes replayed idempotent responses carry {@code Idempotent-Replayed: true}. */
    void markReplays() {
        markReplays = true;
    }

    /** Makes the next {@code count} requests fail with 429 and {@code Retry-After: 1}. */
    void rateLimitNext(int count) {
        rateLimitedRequestsLeft.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        received.add(new Received(method, uri.toString(), Map.copyOf(exchange.getRequestHeaders()), body));

        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, error("UNAUTHORIZED", "Missing or invalid API key."));
            return;
        }
        if (rateLimitedRequestsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, error("RATE_LIMITED", "Too many requests."));
            return;
        }

        String path = uri.getPath();
        if (method.equals("POST") && path.equals("/leads")) {
            createLead(exchange, body);
            return;
        }
        if (method.equals("GET") && path.equals("/leads")) {
            searchLeads(exchange, uri.getRawQuery());
            return;
        }
        Matcher match = LEAD_PATH.matcher(path);
        ObjectNode lead = match.matches() ? leads.get(match.group(1)) : null;
        if (lead == null) {
            send(exchange, 404, error("NOT_FOUND", "Lead not found."));
            return;
        }
        String action = match.group(2) == null ? "" : match.group(2);
        if (method.equals("GET") && action.isEmpty()) {
            send(exchange, 200, lead.toString());
            return;
        }
        changeLead(exchange, method + " " + action, lead, mapper.readTree(body));
    }

    private void createLead(HttpExchange exchange, byte[] body) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        StoredResponse earlier = key == null ? null : idempotentResponses.get(key);
        if (earlier != null) {
            if (markReplays) {
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            }
            send(exchange, earlier.status(), earlier.body());
            return;
        }

        ObjectNode lead = (ObjectNode) mapper.readTree(body);
        StoredResponse response;
        if (!lead.path("sustainability_score").isInt()) {
            response = new StoredResponse(400, validationError("sustainability_score: must be an integer"));
        } else if (leadIdsByEmail.containsKey(lead.path("email").asText().toLowerCase(Locale.ROOT))) {
            String existing = leadIdsByEmail.get(lead.path("email").asText().toLowerCase(Locale.ROOT));
            ObjectNode envelope =
                    (ObjectNode) mapper.readTree(error("DUPLICATE_LEAD", "A lead with this email exists."));
            ((ObjectNode) envelope.path("error").path("details")).put("existing_lead_id", existing);
            response = new StoredResponse(409, envelope.toString());
        } else {
            String id = UUID.randomUUID().toString();
            lead.put("id", id);
            lead.put("lifecycle_stage", "LEAD");
            lead.putArray("playbooks");
            lead.put("created_at", Instant.now().toString());
            leads.put(id, lead);
            leadIdsByEmail.put(lead.path("email").asText().toLowerCase(Locale.ROOT), id);
            response = new StoredResponse(201, lead.toString());
        }
        if (key != null && response.status() != 400) {
            idempotentResponses.put(key, response);
        }
        send(exchange, response.status(), response.body());
    }

    private void searchLeads(HttpExchange exchange, String query) throws IOException {
        String text = "";
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("q=")) {
                text = URLDecoder.decode(parameter.substring(2), StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT);
            }
        }
        ObjectNode page = mapper.createObjectNode();
        var items = page.putArray("items");
        for (ObjectNode lead : leads.values()) {
            if (lead.path("email").asText().toLowerCase(Locale.ROOT).contains(text)) {
                items.add(lead);
            }
        }
        page.putNull("next_cursor");
        send(exchange, 200, page.toString());
    }

    private void changeLead(HttpExchange exchange, String route, ObjectNode lead, JsonNode body) throws IOException {
        String current = lead.path("lifecycle_stage").asText();
        boolean closed = current.equals("WON") || current.equals("LOST");
        switch (route) {
            case "PUT /compliance" -> {
                ObjectNode compliance = lead.putObject("regulatory_compliance");
                compliance.set("status", body.path("status"));
                compliance.set(
                        "requirements", body.has("requirements") ? body.get("requirements") : mapper.createArrayNode());
            }
            case "PUT /procurement" -> {
                ObjectNode procurement = lead.putObject("procurement_cycle");
                procurement.set("estimated_duration", body.path("estimated_duration"));
                procurement.set("stage", body.path("stage"));
            }
            case "PUT /deal-value", "POST /playbook" -> {
                if (closed) {
                    send(exchange, 409, error("CONFLICT", "Lead is " + current + " and cannot change."));
                    return;
                }
                if (route.equals("PUT /deal-value")) {
                    lead.set("deal_value", body.path("deal_value"));
                } else {
                    lead.withArray("playbooks").addObject().set("playbook_id", body.path("playbook_id"));
                }
            }
            case "POST /lifecycle" -> {
                String refusal = refuseMove(lead, body.path("stage").asText());
                if (refusal != null) {
                    send(exchange, 409, error("CONFLICT", refusal));
                    return;
                }
                lead.put("lifecycle_stage", body.path("stage").asText());
            }
            default -> {
                send(exchange, 405, error("METHOD_NOT_ALLOWED", "Not supported by this test server."));
                return;
            }
        }
        ObjectNode response = mapper.createObjectNode();
        response.put("lead_id", lead.path("id").asText());
        response.put("version", versions.incrementAndGet());
        send(exchange, 200, response.toString());
    }

    /** Returns why a lifecycle move breaks the API's rules, or {@code null} when it is allowed. */
    private static String refuseMove(ObjectNode lead, String requested) {
        String current = lead.path("lifecycle_stage").asText();
        String compliance = lead.at("/regulatory_compliance/status").asText();
        boolean closed = current.equals("WON") || current.equals("LOST");
        if (closed || (!requested.equals("LOST") && STAGES.indexOf(requested) <= STAGES.indexOf(current))) {
            return "Lead is " + current + " and cannot move to " + requested + ".";
        }
        if (compliance.equals("rejected")) {
            return "Lead compliance is rejected, so it cannot move to " + requested + ".";
        }
        boolean needsApproval = requested.equals("SQL") || requested.equals("WON");
        if (needsApproval
                && lead.path("organization_type").asText().equals("Government")
                && !compliance.equals("approved")) {
            return "Government lead needs approved compliance before " + requested + ".";
        }
        return null;
    }

    private String error(String code, String message) {
        ObjectNode envelope = mapper.createObjectNode();
        ObjectNode error = envelope.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode details = error.putObject("details");
        details.putArray("validation_errors");
        details.putArray("system_errors");
        return envelope.toString();
    }

    private String validationError(String problem) throws IOException {
        ObjectNode envelope =
                (ObjectNode) mapper.readTree(error("VALIDATION_FAILED", "The request body has 1 invalid field."));
        ((ObjectNode) envelope.path("error").path("details"))
                .withArray("validation_errors")
                .add(problem);
        return envelope.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
