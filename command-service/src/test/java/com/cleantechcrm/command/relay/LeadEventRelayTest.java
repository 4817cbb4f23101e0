package com.cleantechcrm.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class LeadEventRelayTest extends CommandServiceIntegrationTest {

    private final ObjectMapper eventMapper = EventJson.newObjectMapper();

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void publishesStoredEventsInOrderWithMetadata() throws Exception {
        String requestId = "relay-" + UUID.randomUUID();
        HttpResponse<String> created = send(
                "POST",
                "/leads",
                "application/json",
                toJson(validLead(randomEmail())),
                caller,
                Map.of("X-Request-Id", requestId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID leadId = UUID.fromString(bodyOf(created).get("id").asText());
        assertThat(post("/leads/" + leadId + "/lifecycle", Map.of("stage", "MQL"))
                        .statusCode())
                .isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = readRecordsOfLead(leadId, 2);

        LeadEventEnvelope first = eventMapper.readValue(records.get(0).value(), LeadEventEnvelope.class);
        LeadEventEnvelope second = eventMapper.readValue(records.get(1).value(), LeadEventEnvelope.class);
        assertThat(records.get(0).key()).isEqualTo(leadId.toString());
        assertThat(first.eventType()).isEqualTo("LeadCreated");
        assertThat(first.revision()).isEqualTo("1");
        assertThat(first.leadId()).isEqualTo(leadId);
        assertThat(first.organizationId()).isEqualTo(caller.organizationId());
        assertThat(first.sequenceNumber()).isEqualTo(0);
        assertThat(first.apiKeyId()).isEqualTo(caller.apiKeyId());
        assertThat(first.requestId()).isEqualTo(requestId);
        assertThat(first.occurredAt()).isBefore(Instant.now());
        assertThat(first.globalPosition()).isEqualTo(globalIndexOf(leadId, 0));
        assertThat(first.eventId().toString()).isEqualTo(eventIdentifierOf(leadId, 0));
        assertThat(LeadEventTypes.read(eventMapper, first)).isInstanceOf(LeadCreated.class);
        assertThat(second.eventType()).isEqualTo("LifecycleStageChanged");
        assertThat(second.sequenceNumber()).isEqualTo(1);
        assertThat(second.globalPosition()).isEqualTo(globalIndexOf(leadId, 1));
        assertThat(((LifecycleStageChanged) LeadEventTypes.read(eventMapper, second))
                        .to()
                        .name())
                .isEqualTo("MQL");
    }

    @Test
    void createsTopicsWithUnlimitedRetention() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            for (String topic : List.of(LeadTopics.LEAD_EVENTS, LeadTopics.LEAD_EVENTS_DEAD_LETTER)) {
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String retention = admin.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("retention.ms")
                        .value();

                assertThat(description.partitions()).as(topic).hasSize(2);
                assertThat(retention).as(topic).isEqualTo("-1");
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> readRecordsOfLead(UUID leadId, int expected) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(LeadTopics.LEAD_EVENTS));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (leadId.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("records of lead " + leadId).hasSize(expected);
        return found;
    }

    private long globalIndexOf(UUID leadId, long sequenceNumber) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class,
                leadId.toString(),
                sequenceNumber);
    }

    private String eventIdentifierOf(UUID leadId, long sequenceNumber) {
        return jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?"
                        + " and sequence_number = ?",
                String.class,
                leadId.toString(),
                sequenceNumber);
    }
}
