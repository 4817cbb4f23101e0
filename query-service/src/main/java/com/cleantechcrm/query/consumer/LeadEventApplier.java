package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one envelope to every read model, at most once per lead and sequence number. Everything happens in one
 * database transaction: the position check, every projection and the new position commit together or not at all.
 */
@Service
public class LeadEventApplier {

    private static final Logger log = LoggerFactory.getLogger(LeadEventApplier.class);

    private final ObjectMapper eventMapper = EventJson.newObjectMapper();
    private final LeadEventPositions positions;
    private final List<LeadProjection> projections;

    LeadEventApplier(LeadEventPositions positions, List<LeadProjection> projections) {
        this.positions = positions;
        this.projections = projections;
    }

    /** Names every read-model table, including the positions, for a rebuild to empty. */
    public List<String> readModelTables() {
        return Stream.concat(
                        Stream.of("lead_event_position"), projections.stream().flatMap(p -> p.tables().stream()))
                .toList();
    }

    /**
     * Applies the envelope unless its event was applied before.
     *
     * @param recordKey the Kafka record key, which must be the lead id
     * @throws LeadEventTypes.UnreadableEventException when the payload cannot be read
     * @throws RejectedEventException when the event contradicts its envelope or the lead's earlier events
     */
    @Transactional
    public Outcome apply(String recordKey, LeadEventEnvelope envelope) {
        LeadEvent event = readConsistentEvent(recordKey, envelope);
        Optional<LeadEventPositions.Position> position = positions.find(envelope.leadId());

        if (position.isPresent() && envelope.sequenceNumber() <= position.get().lastSequence()) {
            log.debug(
                    "Skipped event {} of lead {} because sequence {} was applied before.",
                    envelope.eventId(),
                    envelope.leadId(),
                    envelope.sequenceNumber());
            return Outcome.SKIPPED;
        }
        checkAgainstEarlierEvents(envelope, event, position);

        if (!positions.advance(
                envelope.leadId(), envelope.organizationId(), envelope.sequenceNumber(), envelope.globalPosition())) {
            // Another consumer stored this or a later sequence between the read above and the upsert.
            return Outcome.SKIPPED;
        }
        for (LeadProjection projection : projections) {
            projection.apply(envelope, event);
        }
        log.info(
                "Applied event {} ({}) of lead {} at sequence {}.",
                envelope.eventId(),
                envelope.eventType(),
                envelope.leadId(),
                envelope.sequenceNumber());
        return Outcome.APPLIED;
    }

    private LeadEvent readConsistentEvent(String recordKey, LeadEventEnvelope envelope) {
        if (envelope.leadId() == null || envelope.organizationId() == null || envelope.occurredAt() == null) {
            throw new RejectedEventException(
                    "envelope " + envelope.eventId() + " is missing lead_id, organization_id or occurred_at");
        }
        LeadEvent event = LeadEventTypes.read(eventMapper, envelope);
        RequiredFields.check(String.valueOf(envelope.eventId()), event);
        if (!envelope.leadId().equals(event.leadId())) {
            throw new RejectedEventException("envelope " + envelope.eventId() + " names lead " + envelope.leadId()
                    + " but its payload names lead " + event.leadId());
        }
        if (!envelope.organizationId().equals(event.organizationId())) {
            throw new RejectedEventException("envelope " + envelope.eventId() + " names organization "
                    + envelope.organizationId() + " but its payload names organization " + event.organizationId());
        }
        if (recordKey != null && !recordKey.equals(envelope.leadId().toString())) {
            throw new RejectedEventException("record key " + recordKey + " differs from lead id " + envelope.leadId()
                    + " of envelope " + envelope.eventId());
        }
        return event;
    }

    private static void checkAgainstEarlierEvents(
            LeadEventEnvelope envelope, LeadEvent event, Optional<LeadEventPositions.Position> position) {
        if (position.isEmpty()) {
            if (!(event instanceof LeadCreated)) {
                throw new RejectedEventException("event " + envelope.eventId() + " (" + envelope.eventType()
                        + ") is for lead " + envelope.leadId() + ", which has no LeadCreated event applied");
            }
            return;
        }
        if (event instanceof LeadCreated) {
            throw new RejectedEventException("event " + envelope.eventId() + " creates lead " + envelope.leadId()
                    + ", which was created before");
        }
        if (!position.get().organizationId().equals(envelope.organizationId())) {
            throw new RejectedEventException("event " + envelope.eventId() + " names organization "
                    + envelope.organizationId() + " but lead " + envelope.leadId() + " belongs to organization "
                    + position.get().organizationId());
        }
        long expected = position.get().lastSequence() + 1;
        if (envelope.sequenceNumber() != expected) {
            log.warn(
                    "Applying event {} of lead {} with sequence {} although sequence {} was expected next; the events in between never arrived.",
                    envelope.eventId(),
                    envelope.leadId(),
                    envelope.sequenceNumber(),
                    expected);
        }
    }

    /** The result of {@link #apply} for one envelope. */
    public enum Outcome {
        APPLIED,
        SKIPPED
    }
}
