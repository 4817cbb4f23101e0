package com.cleantechcrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

    private final ObjectMapper mapper = EventJson.newObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LeadCreated",
                "ComplianceUpdated",
                "ProcurementUpdated",
                "LifecycleStageChanged",
                "DealValueChanged",
                "PlaybookApplied"
            })
    void eventSurvivesRoundTrip(String type) throws IOException {
        LeadEvent event = SampleEvents.byType().get(type);

        String json = mapper.writeValueAsString(event);
        LeadEvent read = mapper.readValue(json, LeadEventTypes.classOf(type).orElseThrow());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LeadCreated",
                "ComplianceUpdated",
                "ProcurementUpdated",
                "LifecycleStageChanged",
                "DealValueChanged",
                "PlaybookApplied"
            })
    void goldenFileOfRevisionOneStaysReadable(String type) throws IOException {
        JsonNode golden = readGolden(type);

        LeadEvent read = mapper.treeToValue(golden, LeadEventTypes.classOf(type).orElseThrow());

        assertThat(read).isEqualTo(SampleEvents.byType().get(type));
        assertThat(mapper.writeValueAsString(read))
                .as("current JSON form")
                .isEqualTo(mapper.writeValueAsString(golden));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LeadCreated",
                "ComplianceUpdated",
                "ProcurementUpdated",
                "LifecycleStageChanged",
                "DealValueChanged",
                "PlaybookApplied"
            })
    void everyEventCarriesRevisionOne(String type) {
        Revision revision = LeadEventTypes.classOf(type).orElseThrow().getAnnotation(Revision.class);

        assertThat(revision).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }

    @Test
    void envelopeRoundTripKeepsPayloadAndMetadata() throws IOException {
        LeadEvent event = SampleEvents.byType().get("LeadCreated");
        LeadEventEnvelope envelope = new LeadEventEnvelope(
                UUID.fromString("0f9a8b7c-6d5e-4f3a-8b2c-1d0e9f8a7b6c"),
                "LeadCreated",
                "1",
                event.leadId(),
                event.organizationId(),
                0,
                42,
                Instant.parse("2026-03-01T10:15:30.123Z"),
                "key-1",
                "req-1",
                mapper.valueToTree(event));

        LeadEventEnvelope read = mapper.readValue(mapper.writeValueAsBytes(envelope), LeadEventEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(LeadEventTypes.read(mapper, read)).isEqualTo(event);
    }

    @Test
    void unknownFieldsInStoredJsonAreIgnored() throws IOException {
        JsonNode golden = readGolden("ProcurementUpdated");
        ((com.fasterxml.jackson.databind.node.ObjectNode) golden).put("added_later", "x");

        assertThat(mapper.treeToValue(golden, ProcurementUpdated.class))
                .isEqualTo(SampleEvents.byType().get("ProcurementUpdated"));
    }

    private JsonNode readGolden(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".v1.json")) {
            assertThat(in).as("golden file for " + type).isNotNull();
            return mapper.readTree(in);
        }
    }
}
