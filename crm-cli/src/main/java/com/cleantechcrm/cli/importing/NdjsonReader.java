package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns an NDJSON file into rows. An object without an {@code op} key is a lead and is sent as the
 * {@code POST /leads} body unchanged. An object with {@code op} is a follow-up: {@code email} names the lead, and the
 * remaining keys are the body of the operation's endpoint. Blank lines are skipped.
 */
final class NdjsonReader {

    static final String OPERATION_KEY = "op";
    static final String EMAIL_KEY = "email";

    private static final ObjectMapper MAPPER = ImportJson.newObjectMapper();

    private NdjsonReader() {}

    static List<ImportRow> read(String text) {
        List<ImportRow> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(toRow(i + 1, lines[i]));
            }
        }
        return rows;
    }

    static ImportRow toRow(int line, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(line, "malformed JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            return ImportRow.unreadable(line, "the line is not a JSON object");
        }
        if (!object.has(OPERATION_KEY)) {
            return ImportRow.lead(line, object);
        }
        return toFollowUp(line, object);
    }

    private static ImportRow toFollowUp(int line, ObjectNode object) {
        JsonNode op = object.get(OPERATION_KEY);
        Optional<FollowUpOperation> operation =
                op.isTextual() ? FollowUpOperation.fromOpName(op.asText()) : Optional.empty();
        if (operation.isEmpty()) {
            return ImportRow.unreadable(
                    line,
                    "op: must be one of "
                            + Arrays.stream(FollowUpOperation.values())
                                    .map(FollowUpOperation::opName)
                                    .toList());
        }

        JsonNode email = object.get(EMAIL_KEY);
        if (email == null || !email.isTextual() || email.asText().isBlank()) {
            return ImportRow.unreadable(line, "email: must name the lead the " + op.asText() + " change applies to");
        }

        ObjectNode body = object.deepCopy();
        body.remove(OPERATION_KEY);
        body.remove(EMAIL_KEY);
        return ImportRow.followUp(line, operation.get(), email.asText(), body);
    }
}
