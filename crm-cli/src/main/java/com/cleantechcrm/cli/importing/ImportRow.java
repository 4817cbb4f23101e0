package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of an import file: a lead to create, or a follow-up that changes a lead found by its email.
 *
 * @param line the line of the file where the record starts (1-based)
 * @param operation {@code null} for a lead, otherwise the follow-up operation
 * @param email the lead's email as written in the file, or {@code null} when the record has none
 * @param body the JSON request body to send; for a follow-up without the {@code op} and {@code email} keys
 * @param problem why the record cannot be sent at all, or {@code null} when it can
 */
public record ImportRow(int line, FollowUpOperation operation, String email, ObjectNode body, String problem) {

    public static ImportRow lead(int line, ObjectNode body) {
        String email = body.path("email").isTextual() ? body.get("email").asText() : null;
        return new ImportRow(line, null, email, body, null);
    }

    public static ImportRow followUp(int line, FollowUpOperation operation, String email, ObjectNode body) {
        return new ImportRow(line, operation, email, body, null);
    }

    public static ImportRow unreadable(int line, String problem) {
        return new ImportRow(line, null, null, null, problem);
    }

    public boolean isLead() {
        return operation == null;
    }

    public boolean isReadable() {
        return problem == null;
    }
}
