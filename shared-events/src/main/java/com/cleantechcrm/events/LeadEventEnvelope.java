package com.cleantechcrm.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The Kafka record value for one stored lead event.
 *
 * @param eventId the id of the event in the event store
 * @param eventType the simple name of the event class, such as {@code LeadCreated}
 * @param revision the payload revision, from the event class's {@code @Revision}
 * @param sequenceNumber the position of the event in its lead's stream, starting at 0
 * @param globalPosition the position of the event in the whole event store
 * @param apiKeyId the API key that caused the event, or null for events written by the system
 * @param requestId the HTTP request that caused the event, or null
 * @param payload the event in its JSON form, readable with {@link LeadEventTypes}
 */
public record LeadEventEnvelope(
        UUID eventId,
        String eventType,
        String revision,
        UUID leadId,
        UUID organizationId,
        long sequenceNumber,
        long globalPosition,
        Instant occurredAt,
        String apiKeyId,
        String requestId,
        JsonNode payload) {}
