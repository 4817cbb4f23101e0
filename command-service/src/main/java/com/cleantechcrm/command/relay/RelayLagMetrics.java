package com.cleantechcrm.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures how far the relay is behind the head of the event store, as two gauges tagged with the processor name:
 * {@code crm.relay.lag.events}, the global positions between the head and the slowest segment's token, and {@code
 * crm.relay.lag.seconds}, the age of the oldest event the relay has not published yet (0 when it has published all).
 * Both read the tokens from the token store table, so they cover every instance's segments and also show a processor
 * that is stopped. A value that cannot be read, because the database is down, is NaN.
 */
class RelayLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(RelayLagMetrics.class);

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Clock clock;

    RelayLagMetrics(JdbcTemplate jdbc, Serializer tokenSerializer, Clock clock) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.clock = clock;
    }

    void register(MeterRegistry registry) {
        Gauge.builder("crm.relay.lag.events", this, RelayLagMetrics::eventsBehind)
                .tag("processor", LeadEventRelay.PROCESSING_GROUP)
                .description("Stored events the relay has not published to Kafka yet")
                .register(registry);
        Gauge.builder("crm.relay.lag.seconds", this, RelayLagMetrics::secondsBehind)
                .tag("processor", LeadEventRelay.PROCESSING_GROUP)
                .description("Age of the oldest stored event the relay has not published to Kafka yet")
                .register(registry);
    }

    double eventsBehind() {
        try {
            Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            if (head == null) {
                return 0;
            }
            OptionalLong position = slowestPosition();
            return position.isEmpty() ? Double.NaN : Math.max(0, head - position.getAsLong());
        } catch (DataAccessException e) {
            log.debug("Reading the relay's lag in events failed: {}", e.getMessage());
            return Double.NaN;
        }
    }

    double secondsBehind() {
        try {
            OptionalLong position = slowestPosition();
            if (position.isEmpty()) {
                return Double.NaN;
            }
            List<String> oldest = jdbc.queryForList(
                    "select time_stamp from domain_event_entry where global_index > ? order by global_index limit 1",
                    String.class,
                    position.getAsLong());
            if (oldest.isEmpty()) {
                return 0;
            }
            Duration age = Duration.between(Instant.parse(oldest.get(0)), clock.instant());
            return Math.max(0, age.toNanos() / 1e9);
        } catch (DataAccessException e) {
            log.debug("Reading the relay's lag in seconds failed: {}", e.getMessage());
            return Double.NaN;
        }
    }

    /**
     * Returns the lowest global position the relay's segments have handled, -1 for a segment that has handled no
     * event yet, or empty when the processor has stored no token at all (it has not started yet).
     */
    private OptionalLong slowestPosition() {
        List<OptionalLong> positions = jdbc.query(
                "select token, token_type from token_entry where processor_name = ?",
                (row, number) -> positionOf(row.getBytes("token"), row.getString("token_type")),
                LeadEventRelay.PROCESSING_GROUP);
        if (positions.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(positions.stream()
                .mapToLong(position -> position.orElse(-1))
                .min()
                .getAsLong());
    }

    private OptionalLong positionOf(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return OptionalLong.empty();
        }
        TrackingToken trackingToken =
                tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return trackingToken == null ? OptionalLong.empty() : trackingToken.position();
    }
}
