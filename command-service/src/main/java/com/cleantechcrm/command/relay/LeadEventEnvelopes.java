package com.cleantechcrm.command.relay;

import com.cleantechcrm.events.EventMetadata;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;

/** Builds the Kafka envelope of a stored lead event. */
final class LeadEventEnvelopes {

    private LeadEventEnvelopes() {}

    static LeadEventEnvelope of(
            LeadEvent event, DomainEventMessage<?> message, TrackingToken token, ObjectMapper eventMapper) {
        long globalPosition = token.position()
                .orElseThrow(() -> new IllegalStateException("The tracking token " + token + " of event "
                        + message.getIdentifier() + " has no global position."));
        return new LeadEventEnvelope(
                UUID.fromString(message.getIdentifier()),
                LeadEventTypes.typeOf(event),
                revisionOf(event),
                event.leadId(),
                event.organizationId(),
                message.getSequenceNumber(),
                globalPosition,
                message.getTimestamp(),
                metadataValue(message, EventMetadata.API_KEY_ID),
                metadataValue(message, EventMetadata.REQUEST_ID),
                eventMapper.valueToTree(event));
    }

    private static String revisionOf(LeadEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    private static String metadataValue(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
