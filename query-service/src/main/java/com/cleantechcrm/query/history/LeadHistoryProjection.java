package com.cleantechcrm.query.history;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.query.consumer.LeadProjection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every event of every lead ({@code lead_history}), with the API key and request that caused it. */
@Component
@Order(2)
class LeadHistoryProjection implements LeadProjection {

    private final JdbcClient jdbc;
    private final ObjectMapper json = EventJson.newObjectMapper();

    LeadHistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("lead_history");
    }

    /** Records the event as it came, whatever its type, so the history also shows events no other model uses. */
    @Override
    public void apply(LeadEventEnvelope envelope, LeadEvent event) {
        jdbc.sql("""
                        insert into lead_history (lead_id, sequence_number, organization_id, event_id, event_type,
                                                  revision, occurred_at, api_key_id, request_id, payload,
                                                  global_position)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        """)
                .params(
                        envelope.leadId(),
                        envelope.sequenceNumber(),
                        envelope.organizationId(),
                        envelope.eventId(),
                        envelope.eventType(),
                        envelope.revision(),
                        Timestamp.from(envelope.occurredAt()),
                        envelope.apiKeyId(),
                        envelope.requestId(),
                        payloadJson(envelope),
                        envelope.globalPosition())
                .update();
    }

    private String payloadJson(LeadEventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write the payload of event " + envelope.eventId(), e);
        }
    }
}
