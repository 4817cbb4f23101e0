package com.cleantechcrm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The JSON log lines (Spring Boot's ECS format) of a service log. Lines that are not JSON, such as the start-up banner,
 * are left out. A line that starts like JSON but does not parse fails the test.
 */
final class JsonLogLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> lines;

    private JsonLogLines(List<JsonNode> lines) {
        this.lines = lines;
    }

    static JsonLogLines parse(String log) {
        return new JsonLogLines(log.lines()
                .filter(line -> line.startsWith("{"))
                .map(JsonLogLines::parseLine)
                .toList());
    }

    /** Returns the lines with this request id whose logger's simple name is {@code loggerSimpleName}. */
    List<JsonNode> of(String requestId, String loggerSimpleName) {
        Predicate<JsonNode> logger =
                line -> line.path("log").path("logger").asText().endsWith("." + loggerSimpleName);
        return lines.stream()
                .filter(line -> requestId.equals(line.path("request_id").asText()))
                .filter(logger)
                .toList();
    }

    private static JsonNode parseLine(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("A log line that starts with { is not JSON: " + line, e);
        }
    }
}
