package com.cleantechcrm.gateway.apikey;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private static final String COLUMNS = "id, organization_id, name, prefix, secret_hash, scopes, created_at,"
            + " last_used_at, expires_at, revoked_at, rotated_at, previous_secret_hash, previous_secret_expires_at";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the key unless its prefix is taken; returns whether it was inserted. */
    public boolean insertUnlessPrefixTaken(ApiKey key) {
        int inserted = jdbc.sql("INSERT INTO api_key (" + COLUMNS + ") VALUES (:id, :organizationId, :name, :prefix,"
                        + " :secretHash, :scopes, :createdAt, :lastUsedAt, :expiresAt, :revokedAt, :rotatedAt,"
                        + " :previousSecretHash, :previousSecretExpiresAt)"
                        + " ON CONFLICT (prefix) DO NOTHING")
                .param("id", key.id())
                .param("organizationId", key.organizationId())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("secretHash", key.secretHash())
                .param("scopes", key.scopes().toArray(String[]::new))
                .param("createdAt", toTimestamp(key.createdAt()))
                .param("lastUsedAt", toTimestamp(key.lastUsedAt()))
                .param("expiresAt", toTimestamp(key.expiresAt()))
                .param("revokedAt", toTimestamp(key.revokedAt()))
                .param("rotatedAt", toTimestamp(key.rotatedAt()))
                .param("previousSecretHash", key.previousSecretHash())
                .param("previousSecretExpiresAt", toTimestamp(key.previousSecretExpiresAt()))
                .update();
        return inserted == 1;
    }

    public Optional<ApiKey> findByPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE prefix = :prefix")
                .param("prefix", prefix)
                .query(ApiKeyRepository::mapRow)
                .optional();
    }

    public Optional<ApiKey> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
                .param("id", id)
                .query(ApiKeyRepository::mapRow)
                .optional();
    }

    /** Returns the key if it belongs to the organisation. */
    public Optional<ApiKey> findInOrganization(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id AND organization_id = :organizationId")
                .param("id", id)
                .param("organizationId", organizationId)
                .query(ApiKeyRepository::mapRow)
                .optional();
    }

    /**
     * Returns the key if it belongs to the organisation and locks its row until the surrounding transaction ends, so
     * that concurrent changes of one key run one after the other, each on the state the previous one left.
     */
    public Optional<ApiKey> lockInOrganization(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id AND organization_id = :organizationId"
                        + " FOR UPDATE")
                .param("id", id)
                .param("organizationId", organizationId)
                .query(ApiKeyRepository::mapRow)
                .optional();
    }

    /** Returns the organisation's keys, newest first. */
    public List<ApiKey> listByOrganization(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE organization_id = :organizationId"
                        + " ORDER BY created_at DESC, id DESC")
                .param("organizationId", organizationId)
                .query(ApiKeyRepository::mapRow)
                .list();
    }

    /** Stores a new secret hash and keeps the replaced one valid until {@code previousSecretExpiresAt}. */
    public void replaceSecret(
            UUID id, byte[] secretHash, Instant rotatedAt, byte[] previousSecretHash, Instant previousSecretExpiresAt) {
        jdbc.sql("UPDATE api_key SET secret_hash = :secretHash, rotated_at = :rotatedAt,"
                        + " previous_secret_hash = :previousSecretHash,"
                        + " previous_secret_expires_at = :previousSecretExpiresAt WHERE id = :id")
                .param("id", id)
                .param("secretHash", secretHash)
                .param("rotatedAt", toTimestamp(rotatedAt))
                .param("previousSecretHash", previousSecretHash)
                .param("previousSecretExpiresAt", toTimestamp(previousSecretExpiresAt))
                .update();
    }

    /** Sets when the key stops working; null makes it never expire. */
    public void updateExpiresAt(UUID id, Instant expiresAt) {
        jdbc.sql("UPDATE api_key SET expires_at = :expiresAt WHERE id = :id")
                .param("id", id)
                .param("expiresAt", toTimestamp(expiresAt))
                .update();
    }

    /** Marks the key revoked from {@code revokedAt} on; a key already revoked keeps its first revocation time. */
    public boolean revoke(UUID id, Instant revokedAt) {
        int updated = jdbc.sql("UPDATE api_key SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("revokedAt", toTimestamp(revokedAt))
                .update();
        return updated == 1;
    }

    public void updateLastUsedAt(UUID id, Instant lastUsedAt) {
        jdbc.sql("UPDATE api_key SET last_used_at = :lastUsedAt WHERE id = :id")
                .param("id", id)
                .param("lastUsedAt", toTimestamp(lastUsedAt))
                .update();
    }

    private static OffsetDateTime toTimestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant toInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ApiKey mapRow(ResultSet row, int rowNumber) throws SQLException {
        Array scopes = row.getArray("scopes");
        Set<String> scopeSet = new LinkedHashSet<>(Arrays.asList((String[]) scopes.getArray()));
        return new ApiKey(
                row.getObject("id", UUID.class),
                row.getObject("organization_id", UUID.class),
                row.getString("name"),
                row.getString("prefix"),
                row.getBytes("secret_hash"),
                Collections.unmodifiableSet(scopeSet),
                toInstant(row, "created_at"),
                toInstant(row, "last_used_at"),
                toInstant(row, "expires_at"),
                toInstant(row, "revoked_at"),
                toInstant(row, "rotated_at"),
                row.getBytes("previous_secret_hash"),
                toInstant(row, "previous_secret_expires_at"));
    }
}
