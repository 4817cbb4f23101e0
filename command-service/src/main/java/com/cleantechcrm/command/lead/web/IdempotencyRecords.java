package com.cleantechcrm.command.lead.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * First responses to {@code POST /leads} requests that carried an {@code Idempotency-Key}, per organisation. Callers
 * write in the transaction that creates the lead, so a record exists exactly when its lead does.
 */
@Component
class IdempotencyRecords {

    /** A stored first response, where {@code requestHash} is the SHA-256 of the canonical request body. */
    record IdempotencyRecord(String requestHash, UUID leadId, int responseStatus, String responseBody) {}

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves {@code key} for a new lead. When another open transaction has inserted the same key, this insert waits
     * until that transaction ends.
     *
     * @return empty when the key was free and is now reserved, else the record of the request that used it first
     */
    Optional<IdempotencyRecord> reserve(UUID organizationId, String key, String requestHash, UUID leadId) {
        int inserted = jdbc.update(
                "insert into idempotency_record (organization_id, idempotency_key, request_hash, lead_id)"
                        + " values (?, ?, ?, ?) on conflict (organization_id, idempotency_key) do nothing",
                organizationId,
                key,
                requestHash,
                leadId);
        if (inserted == 1) {
            return Optional.empty();
        }
        List<IdempotencyRecord> records = jdbc.query(
                "select request_hash, lead_id, response_status, response_body from idempotency_record"
                        + " where organization_id = ? and idempotency_key = ?",
                (row, index) -> new IdempotencyRecord(
                        row.getString("request_hash"),
                        row.getObject("lead_id", UUID.class),
                        row.getInt("response_status"),
                        row.getString("response_body")),
                organizationId,
                key);
        return records.stream().findFirst();
    }

    /** Stores the response of the request that reserved {@code key}. */
    void complete(UUID organizationId, String key, int responseStatus, String responseBody) {
        jdbc.update(
                "update idempotency_record set response_status = ?, response_body = ?"
                        + " where organization_id = ? and idempotency_key = ?",
                responseStatus,
                responseBody,
                organizationId,
                key);
    }
}
