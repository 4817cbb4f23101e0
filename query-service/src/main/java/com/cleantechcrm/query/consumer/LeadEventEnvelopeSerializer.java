package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes an envelope in the one JSON form of events, for records that go to the dead-letter topic. */
class LeadEventEnvelopeSerializer implements Serializer<LeadEventEnvelope> {

    private final ObjectMapper mapper = EventJson.newObjectMapper();

    @Override
    public byte[] serialize(String topic, LeadEventEnvelope envelope) {
        if (envelope == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Failed to write envelope " + envelope.eventId() + " as JSON.", e);
        }
    }
}
