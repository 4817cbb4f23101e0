package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a Kafka record value written with {@link EventJson#newObjectMapper()}. It is the delegate of an {@code
 * ErrorHandlingDeserializer}, so bytes it cannot read reach the error handler instead of stopping the consumer.
 */
public class LeadEventEnvelopeDeserializer implements Deserializer<LeadEventEnvelope> {

    private final ObjectMapper mapper = EventJson.newObjectMapper();

    @Override
    public LeadEventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, LeadEventEnvelope.class);
        } catch (IOException e) {
            throw new SerializationException(
                    "The record value on topic " + topic + " is not a lead event envelope: " + e.getMessage(), e);
        }
    }
}
