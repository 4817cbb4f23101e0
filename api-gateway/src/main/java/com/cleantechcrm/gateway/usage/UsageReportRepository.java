package com.cleantechcrm.gateway.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates one organisation's usage rows in PostgreSQL. Each query groups by bucket and, through {@code GROUPING
 * SETS}, over the whole range in the same pass; a row with a null bucket is the total.
 */
@Repository
class UsageReportRepository {

    /** The organisation's rows in the range, with the UTC bucket each falls in. */
    private static final String RANGE = """
            WITH in_range AS (
                SELECT date_trunc(:unit, received_at, 'UTC') AS bucket, api_key_id, http_method, route, status,
                       duration_ms
                  FROM api_request
                 WHERE organization_id = :organizationId AND received_at >= :from AND received_at < :to
            )
            """;

    private static final String TOTALS = RANGE + """
            SELECT CASE WHEN grouping(bucket) = 0 THEN bucket END AS bucket,
                   count(*) AS requests,
                   count(*) FILTER (WHERE status BETWEEN 200 AND 299) AS status_2xx,
                   count(*) FILTER (WHERE status BETWEEN 300 AND 399) AS status_3xx,
                   count(*) FILTER (WHERE status BETWEEN 400 AND 499) AS status_4xx,
                   count(*) FILTER (WHERE status BETWEEN 500 AND 599) AS status_5xx,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)::numeric, 1) AS p50,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::numeric, 1) AS p95
              FROM in_range
             GROUP BY GROUPING SETS ((bucket), ())
            """;

    // The join also checks the key's organisation, so a key id can never bring in another organisation's key name.
    private static final String BY_KEY = RANGE + """
            SELECT CASE WHEN grouping(r.bucket) = 0 THEN r.bucket END AS bucket,
                   r.api_key_id, k.name, count(*) AS requests
              FROM in_range r
              LEFT JOIN api_key k ON k.id = r.api_key_id AND k.organization_id = :organizationId
             GROUP BY GROUPING SETS ((r.bucket, r.api_key_id, k.name), (r.api_key_id, k.name))
             ORDER BY requests DESC, k.name, r.api_key_id
            """;

    private static final String BY_ENDPOINT = RANGE + """
            SELECT CASE WHEN grouping(bucket) = 0 THEN bucket END AS bucket,
                   http_method, route, count(*) AS requests
              FROM in_range
             GROUP BY GROUPING SETS ((bucket, http_method, route), (http_method, route))
             ORDER BY requests DESC, route, http_method
            """;

    /** Counts, status classes and latency percentiles of a bucket, or of the range when {@code bucket} is null. */
    record TotalsRow(
            Instant bucket,
            long requests,
            long status2xx,
            long status3xx,
            long status4xx,
            long status5xx,
            Double p50,
            Double p95) {}

    record KeyRow(Instant bucket, UUID apiKeyId, String name, long requests) {}

    record EndpointRow(Instant bucket, String httpMethod, String route, long requests) {}

    private final JdbcClient jdbc;

    UsageReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TotalsRow> totals(UUID organizationId, UsageQuery query) {
        return statement(TOTALS, organizationId, query)
                .query((row, number) -> new TotalsRow(
                        bucket(row),
                        row.getLong("requests"),
                        row.getLong("status_2xx"),
                        row.getLong("status_3xx"),
                        row.getLong("status_4xx"),
                        row.getLong("status_5xx"),
                        nullableDouble(row, "p50"),
                        nullableDouble(row, "p95")))
                .list();
    }

    /** Returns request counts per key, most requests first. */
    List<KeyRow> byKey(UUID organizationId, UsageQuery query) {
        return statement(BY_KEY, organizationId, query)
                .query((row, number) -> new KeyRow(
                        bucket(row),
                        row.getObject("api_key_id", UUID.class),
                        row.getString("name"),
                        row.getLong("requests")))
                .list();
    }

    /** Returns request counts per method and route, most requests first. */
    List<EndpointRow> byEndpoint(UUID organizationId, UsageQuery query) {
        return statement(BY_ENDPOINT, organizationId, query)
                .query((row, number) -> new EndpointRow(
                        bucket(row), row.getString("http_method"), row.getString("route"), row.getLong("requests")))
                .list();
    }

    private JdbcClient.StatementSpec statement(String sql, UUID organizationId, UsageQuery query) {
        return jdbc.sql(sql)
                .param("unit", query.granularity().parameterValue())
                .param("organizationId", organizationId)
                .param("from", query.from().atOffset(ZoneOffset.UTC))
                .param("to", query.to().atOffset(ZoneOffset.UTC));
    }

    private static Instant bucket(ResultSet row) throws SQLException {
        OffsetDateTime bucket = row.getObject("bucket", OffsetDateTime.class);
        return bucket == null ? null : bucket.toInstant();
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
