package com.cleantechcrm.gateway.apikey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and reads the audit trail of key changes in {@code api_key_event}. */
@Repository
public class ApiKeyEventRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public ApiKeyEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            ApiKey key,
            ApiKeyEventType type,
            ApiKeyActor actor,
            Instant occurredAt,
            String requestId,
            Map<String, Object> details) {
        jdbc.sql("""
                        INSERT INTO api_key_event (organization_id, api_key_id, type, actor_type, actor_api_key_id,
                                                   actor_name, occurred_at, request_id, details)
                        VALUES (:organizationId, :apiKeyId, :type, :actorType, :actorApiKeyId, :actorName,
                                :occurredAt, :requestId, CAST(:details AS jsonb))
                        """)
                .param("organizationId", key.organizationId())
                .param("apiKeyId", key.id())
                .param("type", type.name())
                .param("actorType", actor.type().name())
                .param("actorApiKeyId", actor.apiKeyId())
                .param("actorName", actor.name())
                .param("occurredAt", occurredAt.atOffset(ZoneOffset.UTC))
                .param("requestId", requestId)
                .param("details", toJson(details))
                .update();
    }

    /**
     * Returns up to {@code limit} events of the organisation, newest first.
     *
     * @param apiKeyId only events of this key, or null for every key
     * @param beforeId only events with a smaller id, or null to start at the newest
     */
    public List<ApiKeyEvent> list(UUID organizationId, UUID apiKeyId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, organization_id, api_key_id, type, actor_type,"
                + " actor_api_key_id, actor_name, occurred_at, request_id, details::text AS details"
                + " FROM api_key_event WHERE organization_id = :organizationId");
        if (apiKeyId != null) {
            sql.append(" AND api_key_id = :apiKeyId");
        }
        if (beforeId != null) {
            sql.append(" AND id < :beforeId");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");

        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("organizationId", organizationId).param("limit", limit);
        if (apiKeyId != null) {
            statement = statement.param("apiKeyId", apiKeyId);
        }
        if (beforeId != null) {
            statement = statement.param("beforeId", beforeId);
        }
        return statement.query(ApiKeyEventRepository::mapRow).list();
    }

    private static String toJson(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event details must be plain JSON values", e);
        }
    }

    private static ApiKeyEvent mapRow(ResultSet row, int rowNumber) throws SQLException {
        JsonNode details;
        try {
            details = JSON.readTree(row.getString("details"));
        } catch (JsonProcessingException e) {
            throw new SQLException("api_key_event " + row.getLong("id") + " has details that are not JSON", e);
        }
        ApiKeyActor actor = new ApiKeyActor(
                ApiKeyActor.Type.valueOf(row.getString("actor_type")),
                row.getObject("actor_api_key_id", UUID.class),
                row.getString("actor_name"));
        return new ApiKeyEvent(
                row.getLong("id"),
                row.getObject("organization_id", UUID.class),
                row.getObject("api_key_id", UUID.class),
                ApiKeyEventType.valueOf(row.getString("type")),
                actor,
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("request_id"),
                details);
    }
}
