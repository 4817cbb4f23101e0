package com.cleantechcrm.query.history;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.query.lead.LeadIds;
import com.cleantechcrm.query.lead.LeadVersionWaiter;
import com.cleantechcrm.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /leads/{id}/history}: the lead's events in sequence order, for auditors. */
@RestController
class LeadHistoryController {

    private final JdbcClient jdbc;
    private final LeadVersionWaiter versionWaiter;
    private final ObjectMapper eventJson = EventJson.newObjectMapper();

    LeadHistoryController(JdbcClient jdbc, LeadVersionWaiter versionWaiter) {
        this.jdbc = jdbc;
        this.versionWaiter = versionWaiter;
    }

    @GetMapping("/leads/{id}/history")
    LeadHistoryResponse history(
            Caller caller,
            @PathVariable("id") String id,
            @RequestHeader(name = LeadVersionWaiter.HEADER, required = false) String minPositionHeader,
            @RequestParam(name = LeadVersionWaiter.PARAMETER, required = false) String minPosition) {
        UUID leadId = LeadIds.parseOrNotFound(id);
        versionWaiter.awaitRequestedVersion(caller.organizationId(), leadId, minPositionHeader, minPosition);
        List<HistoryEvent> events = jdbc.sql("""
                        select event_type, occurred_at, sequence_number, api_key_id, request_id, payload
                          from lead_history
                         where organization_id = ? and lead_id = ?
                         order by sequence_number
                        """)
                .params(caller.organizationId(), leadId)
                .query((rs, row) -> new HistoryEvent(
                        rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("sequence_number"),
                        rs.getString("api_key_id"),
                        rs.getString("request_id"),
                        readPayload(rs.getString("payload"))))
                .list();
        // Every lead has its LeadCreated event, so no rows means no such lead in this organisation.
        if (events.isEmpty()) {
            throw LeadIds.notFound(leadId);
        }
        return new LeadHistoryResponse(leadId, events);
    }

    /** Parses the stored payload with the event mapper so that decimals keep their scale. */
    private JsonNode readPayload(String payload) {
        try {
            return eventJson.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead_history contains an invalid payload: " + e.getOriginalMessage(), e);
        }
    }

    record LeadHistoryResponse(UUID leadId, List<HistoryEvent> events) {}

    record HistoryEvent(
            String type,
            Instant occurredAt,
            long sequenceNumber,
            String apiKeyId,
            String requestId,
            JsonNode payload) {}
}
