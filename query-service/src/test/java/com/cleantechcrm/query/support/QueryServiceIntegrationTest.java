package com.cleantechcrm.query.support;

import static org.awaitility.Awaitility.await;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole service on a random port, the PostgreSQL test schema and an embedded KRaft
 * broker, shared by every subclass through Spring's context cache. Tests publish envelopes with a plain producer and
 * call the endpoints with minted internal tokens. Each test uses new organisation and lead ids.
 */
// Boot turns metric exporters off in tests unless asked, and the Prometheus endpoint is part of the product.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The service creates its topics itself (crm.kafka.topic-partitions is 3 in the test profile), as it must where the
// broker does not create topics on first use.
@EmbeddedKafka(kraft = true, partitions = 3, brokerProperties = "auto.create.topics.enable=false")
@Import(CleanSchemaConfiguration.class)
public abstract class QueryServiceIntegrationTest {

    protected static final Set<String> ALL_SCOPES = Set.of("leads:read", "leads:write", "stats:read", "admin");
    protected static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper EVENT_JSON = EventJson.newObjectMapper();
    private static KafkaTemplate<String, byte[]> producer;
    private static String producerBrokers;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Admin admin;

    @Autowired
    private InternalTokenIssuer tokens;

    protected static UUID newOrganization() {
        return UUID.randomUUID();
    }

    /** Publishes envelopes keyed by lead id and waits for the broker to acknowledge each. */
    protected void publish(LeadEventEnvelope... envelopes) {
        for (LeadEventEnvelope envelope : envelopes) {
            publishRaw(envelope.leadId().toString(), toJson(envelope));
        }
    }

    protected void publishRaw(String key, byte[] value) {
        publishRaw(null, key, value);
    }

    /** Publishes raw bytes to the given partition, or to the key's partition when it is null. */
    protected void publishRaw(Integer partition, String key, byte[] value) {
        try {
            producer().send(LeadTopics.LEAD_EVENTS, partition, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Failed to publish a test record with key " + key, e);
        }
    }

    /** Waits until the consumer has applied the stream's events up to its last sequence number. */
    protected void awaitApplied(LeadEventStream stream) {
        awaitApplied(stream.leadId(), stream.lastSequence());
    }

    protected static byte[] toJson(LeadEventEnvelope envelope) {
        try {
            return EVENT_JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void awaitApplied(UUID leadId, long sequence) {
        await().atMost(PROJECTION_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select last_sequence from lead_event_position where lead_id = ?")
                        .param(leadId)
                        .query(Long.class)
                        .optional()
                        .filter(last -> last >= sequence)
                        .isPresent());
    }

    /** Waits until the consumer group has committed every record that is on the topic now. */
    protected void awaitConsumerCaughtUp() {
        await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(this::consumerCaughtUp);
    }

    private boolean consumerCaughtUp() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < broker.getPartitionsPerTopic(); partition++) {
            request.put(new TopicPartition(LeadTopics.LEAD_EVENTS, partition), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(request).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("crm-query")
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset()
                                        >= end.getValue().offset()));
    }

    protected ResponseEntity<JsonNode> get(String path, UUID organizationId) {
        return get(path, organizationId, ALL_SCOPES);
    }

    protected ResponseEntity<JsonNode> get(String path, UUID organizationId, Set<String> scopes) {
        return http.exchange(
                path, HttpMethod.GET, new HttpEntity<>(authorized(organizationId, scopes)), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, UUID organizationId, Set<String> scopes) {
        return http.exchange(
                path, HttpMethod.POST, new HttpEntity<>(authorized(organizationId, scopes)), JsonNode.class);
    }

    protected HttpHeaders authorized(UUID organizationId, Set<String> scopes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.issue(new Caller(organizationId, "key-test", scopes)));
        return headers;
    }

    private KafkaTemplate<String, byte[]> producer() {
        synchronized (QueryServiceIntegrationTest.class) {
            if (producer == null || !broker.getBrokersAsString().equals(producerBrokers)) {
                producerBrokers = broker.getBrokersAsString();
                producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, producerBrokers),
                        new StringSerializer(),
                        new ByteArraySerializer()));
            }
            return producer;
        }
    }
}
