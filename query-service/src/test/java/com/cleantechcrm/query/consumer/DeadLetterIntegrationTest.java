package com.cleantechcrm.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterIntegrationTest extends QueryServiceIntegrationTest {

    @Autowired
    private EventOutcomeMetrics metrics;

    @Test
    void unreadableRecordsAreDeadLettered() {
        long deadLetteredBefore = metrics.snapshot().deadLettered();
        UUID org = newOrganization();

        String garbageKey = UUID.randomUUID().toString();
        byte[] garbage = {(byte) 0xC3, 0x28, '{', 'x'};

        LeadEventStream unknownType = new LeadEventStream(org);
        LeadEventEnvelope created = unknownType.created("1000");
        LeadEventEnvelope renamed = new LeadEventEnvelope(
                created.eventId(),
                "LeadTeleported",
                "1",
                created.leadId(),
                org,
                0,
                created.globalPosition(),
                created.occurredAt(),
                null,
                null,
                created.payload());

        LeadEventStream mismatched = new LeadEventStream(org);
        LeadEventEnvelope mismatchedCreated = mismatched.created("1000");
        LeadEventEnvelope otherOrganization = new LeadEventEnvelope(
                mismatchedCreated.eventId(),
                mismatchedCreated.eventType(),
                "1",
                mismatchedCreated.leadId(),
                UUID.randomUUID(),
                0,
                mismatchedCreated.globalPosition(),
                mismatchedCreated.occurredAt(),
                null,
                null,
                mismatchedCreated.payload());

        LeadEventStream good = new LeadEventStream(org);
        LeadEventEnvelope goodCreated = good.created("1000");

        // All on one partition, so the good record is behind the bad ones.
        publishRaw(0, garbageKey, garbage);
        publishRaw(0, renamed.leadId().toString(), toJson(renamed));
        publishRaw(0, otherOrganization.leadId().toString(), toJson(otherOrganization));
        publishRaw(0, goodCreated.leadId().toString(), toJson(goodCreated));
        awaitApplied(good);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(List.of(
                garbageKey,
                renamed.leadId().toString(),
                otherOrganization.leadId().toString()));

        ConsumerRecord<String, byte[]> garbageLetter = deadLetters.get(garbageKey);
        assertThat(garbageLetter.value()).isEqualTo(garbage);
        assertThat(header(garbageLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(header(garbageLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadTopics.LEAD_EVENTS);

        assertThat(header(deadLetters.get(renamed.leadId().toString()), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("unknown event type LeadTeleported");
        assertThat(header(deadLetters.get(otherOrganization.leadId().toString()), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("organization");

        assertThat(get("/leads/" + renamed.leadId(), org).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get("/leads/" + good.leadId(), org).getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.snapshot().deadLettered() - deadLetteredBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eventForUnknownLeadIsDeadLettered() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        lead.created("1000");
        LeadEventEnvelope orphan = lead.dealValueChanged("2000");
        publish(orphan);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters =
                readDeadLetters(List.of(orphan.leadId().toString()));

        assertThat(header(deadLetters.get(orphan.leadId().toString()), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("no LeadCreated event applied");
    }

    @Test
    void eventMissingRequiredFieldIsDeadLettered() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created = lead.created("1000");
        ((ObjectNode) created.payload()).remove("deal_value");
        publish(created);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters =
                readDeadLetters(List.of(created.leadId().toString()));

        assertThat(header(deadLetters.get(created.leadId().toString()), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("missing required fields [deal_value]");
    }

    @Test
    void recordWithoutValueIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        publishRaw(key, null);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(List.of(key));

        assertThat(deadLetters.get(key).value()).isNull();
        assertThat(header(deadLetters.get(key), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("has no value");
    }

    /** Reads the dead-letter topic from the beginning until a record with each key has arrived. */
    private Map<String, ConsumerRecord<String, byte[]>> readDeadLetters(List<String> keys) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (Consumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LeadTopics.LEAD_EVENTS_DEAD_LETTER));
            Instant deadline = Instant.now().plus(PROJECTION_TIMEOUT);
            while (!found.keySet().containsAll(keys) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        found.put(record.key(), record);
                    }
                }
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
