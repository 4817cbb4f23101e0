package com.cleantechcrm.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** Maps event type names, as they appear in the envelope, to the event classes of the current revision. */
public final class LeadEventTypes {

    private static final Map<String, Class<? extends LeadEvent>> TYPES = Map.of(
            "LeadCreated", LeadCreated.class,
            "ComplianceUpdated", ComplianceUpdated.class,
            "ProcurementUpdated", ProcurementUpdated.class,
            "LifecycleStageChanged", LifecycleStageChanged.class,
            "DealValueChanged", DealValueChanged.class,
            "PlaybookApplied", PlaybookApplied.class);

    private LeadEventTypes() {}

    public static Optional<Class<? extends LeadEvent>> classOf(String eventType) {
        return Optional.ofNullable(TYPES.get(eventType));
    }

    public static String typeOf(LeadEvent event) {
        return event.getClass().getSimpleName();
    }

    /**
     * Reads the payload of an envelope into its event class.
     *
     * @throws UnreadableEventException when the type is unknown or the payload does not fit the class
     */
    public static LeadEvent read(ObjectMapper mapper, LeadEventEnvelope envelope) {
        Class<? extends LeadEvent> type = classOf(envelope.eventType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + envelope.eventType()));
        if (!"1".equals(envelope.revision())) {
            throw new UnreadableEventException(
                    "unsupported revision " + envelope.revision() + " of " + envelope.eventType());
        }
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException(
                    "payload of " + envelope.eventType() + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** An envelope whose payload cannot become an event. */
    public static final class UnreadableEventException extends RuntimeException {

        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
