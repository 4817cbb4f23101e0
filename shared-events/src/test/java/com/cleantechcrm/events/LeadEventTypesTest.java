package com.cleantechcrm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadEventTypesTest {

    private final ObjectMapper mapper = EventJson.newObjectMapper();

    @Test
    void rejectsUnknownEventType() {
        LeadEventEnvelope envelope = envelope("LeadRenamed", "1");

        assertThatThrownBy(() -> LeadEventTypes.read(mapper, envelope))
                .isInstanceOf(LeadEventTypes.UnreadableEventException.class)
                .hasMessageContaining("LeadRenamed");
    }

    @Test
    void rejectsUnsupportedRevision() {
        LeadEventEnvelope envelope = envelope("ProcurementUpdated", "9");

        assertThatThrownBy(() -> LeadEventTypes.read(mapper, envelope))
                .isInstanceOf(LeadEventTypes.UnreadableEventException.class)
                .hasMessageContaining("revision 9");
    }

    @Test
    void typeOfIsTheSimpleClassName() {
        assertThat(LeadEventTypes.typeOf(SampleEvents.byType().get("PlaybookApplied")))
                .isEqualTo("PlaybookApplied");
    }

    private LeadEventEnvelope envelope(String type, String revision) {
        return new LeadEventEnvelope(
                UUID.randomUUID(),
                type,
                revision,
                SampleEvents.LEAD_ID,
                SampleEvents.ORGANIZATION_ID,
                0,
                1,
                Instant.now(),
                null,
                null,
                mapper.valueToTree(SampleEvents.byType().get("ProcurementUpdated")));
    }
}
