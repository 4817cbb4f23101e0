package com.cleantechcrm.query.consumer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last applied sequence number of each lead, in table {@code lead_event_position}. */
@Repository
class LeadEventPositions {

    private final JdbcClient jdbc;

    LeadEventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Position> find(UUID leadId) {
        return jdbc.sql("select organization_id, last_sequence from lead_event_position where lead_id = ?")
                .param(leadId)
                .query((rs, row) -> new Position(rs.getObject("organization_id", UUID.class), rs.getLong(2)))
                .optional();
    }

    /**
     * Stores {@code sequence} as the lead's last applied event unless an equal or later one is stored already.
     * The insert or update locks the lead's row until the transaction ends, so two consumers can never both
     * apply the same event.
     *
     * @return true when the position moved, false when the event was applied before
     */
    boolean advance(UUID leadId, UUID organizationId, long sequence, long globalPosition) {
        int updated = jdbc.sql("""
                        insert into lead_event_position (lead_id, organization_id, last_sequence, last_global_position)
                        values (?, ?, ?, ?)
                        on conflict (lead_id) do update
                           set last_sequence = excluded.last_sequence,
                               last_global_position = excluded.last_global_position
                         where lead_event_position.last_sequence < excluded.last_sequence
                        """)
                .params(leadId, organizationId, sequence, globalPosition)
                .update();
        return updated == 1;
    }

    record Position(UUID organizationId, long lastSequence) {}
}
