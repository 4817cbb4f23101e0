package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends lead rows to {@code POST /leads} with an idempotency key derived from the row, and remembers the id of each
 * lead by its email for the follow-ups.
 */
final class LeadCreator {

    /** A response header that marks a replayed idempotent request, when the server sends one. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ApiClient api;
    private final Instant runStartedAt;
    private final Map<String, String> leadIdsByEmail = new ConcurrentHashMap<>();
    private final Set<String> idsReturnedInThisRun = ConcurrentHashMap.newKeySet();

    /**
     * @param runStartedAt the server's time when this import started; a lead created before it was imported by an
     *     earlier run
     */
    LeadCreator(ApiClient api, Instant runStartedAt) {
        this.api = api;
        this.runStartedAt = runStartedAt;
    }

    RowResult create(ImportRow row) {
        ApiResponse response = api.send("POST", "/leads", row.body(), ImportJson.idempotencyKey(row.body()));
        LeadImport.throwIfKeyRejected(response);
        String lead = describeLead(row);

        if (response.isSuccess()) {
            String id = response.body().path("id").asText("");
            remember(row.email(), id);
            // A row repeated in the file gets the same idempotency key, so its second response repeats the first id.
            boolean repeated = !id.isEmpty() && !idsReturnedInThisRun.add(id);
            Outcome outcome = repeated || isReplay(response) ? Outcome.ALREADY_IMPORTED : Outcome.CREATED;
            return new RowResult(row.line(), outcome, id, id + lead);
        }
        if (response.status() == 409 && response.errorCode().equals("DUPLICATE_LEAD")) {
            Optional<String> existing = findLeadId(response.body().path("error").path("details"));
            existing.ifPresent(id -> remember(row.email(), id));
            return new RowResult(row.line(), Outcome.DUPLICATE, existing.orElse(null), response.errorSummary() + lead);
        }
        Outcome outcome = LeadImport.isInvalid(response) ? Outcome.INVALID : Outcome.FAILED;
        return new RowResult(row.line(), outcome, null, response.errorSummary() + lead);
    }

    Optional<String> leadIdOf(String email) {
        return Optional.ofNullable(leadIdsByEmail.get(normalize(email)));
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private void remember(String email, String id) {
        if (email != null && !id.isEmpty()) {
            leadIdsByEmail.put(normalize(email), id);
        }
    }

    /**
     * Tells a replayed response from a new lead: by the replay header when the server sends one, otherwise by a
     * {@code created_at} before this run started.
     */
    private boolean isReplay(ApiResponse response) {
        Optional<String> header = response.headers().firstValue(REPLAYED_HEADER);
        if (header.isPresent()) {
            return header.get().equalsIgnoreCase("true");
        }
        try {
            Instant createdAt = Instant.parse(response.body().path("created_at").asText());
            return createdAt.isBefore(runStartedAt);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Finds the existing lead's id among the error details, whatever key the server names it with. */
    static Optional<String> findLeadId(JsonNode details) {
        Iterator<Map.Entry<String, JsonNode>> fields = details.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("id") && isUuid(field.getValue().asText())) {
                return Optional.of(field.getValue().asText());
            }
        }
        return Optional.empty();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describeLead(ImportRow row) {
        return row.email() == null ? "" : " (" + row.email() + ")";
    }
}
