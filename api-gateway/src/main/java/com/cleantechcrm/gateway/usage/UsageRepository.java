package com.cleantechcrm.gateway.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes and deletes rows of {@code api_request}, the stored usage records. */
public class UsageRepository {

    private static final String INSERT = "INSERT INTO api_request"
            + " (received_at, organization_id, api_key_id, http_method, route, status, duration_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Deletes at most one chunk of old rows, so that a large backlog is removed in short transactions that never hold
     * many row locks at once.
     */
    private static final String DELETE_CHUNK =
            "DELETE FROM api_request WHERE ctid IN" + " (SELECT ctid FROM api_request WHERE received_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;

    public UsageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the records in one JDBC batch. */
    public void insertAll(List<UsageRecord> records) {
        jdbc.batchUpdate(INSERT, records, records.size(), (statement, record) -> {
            statement.setObject(1, record.receivedAt().atOffset(ZoneOffset.UTC));
            statement.setObject(2, record.organizationId());
            statement.setObject(3, record.apiKeyId());
            statement.setString(4, record.httpMethod());
            statement.setString(5, record.route());
            statement.setInt(6, record.status());
            statement.setLong(7, Math.min(record.durationMs(), Integer.MAX_VALUE));
        });
    }

    /** Deletes up to {@code maxRows} rows received before {@code cutoff} and returns how many it deleted. */
    public int deleteReceivedBefore(Instant cutoff, int maxRows) {
        return jdbc.update(DELETE_CHUNK, cutoff.atOffset(ZoneOffset.UTC), maxRows);
    }
}
