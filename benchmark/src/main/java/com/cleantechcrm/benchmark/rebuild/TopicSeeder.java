package com.cleantechcrm.benchmark.rebuild;

import com.cleantechcrm.benchmark.load.LeadSamples;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes valid lead events straight to the lead-event topic, in the envelope the command service's relay writes,
 * keyed by lead id. Each synthetic lead gets a creation and two to five follow-up changes in order, so the query side
 * applies every one of them. They belong to one organisation made up for the purpose, which no API key can read.
 */
public final class TopicSeeder {

    /** The organisation the seeded leads belong to; it exists only in the seeded events. */
    public static final UUID SEED_ORGANIZATION =
            UUID.nameUUIDFromBytes("clean-tech-crm benchmark seed organisation".getBytes(StandardCharsets.UTF_8));

    private static final long FIRST_GLOBAL_POSITION = 1_000_000_000_000L;

    private final ObjectMapper mapper = EventJson.newObjectMapper();
    private final String bootstrapServers;
    private final SplittableRandom random = new SplittableRandom();

    public TopicSeeder(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Produces {@code count} events (a little more, to finish the last lead) and returns how many it wrote. */
    public long produce(long count) throws InterruptedException {
        AtomicLong written = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long globalPosition = FIRST_GLOBAL_POSITION + System.currentTimeMillis() * 1000;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            long sent = 0;
            while (sent < count && failure.get() == null) {
                List<LeadEvent> events = oneLead();
                Instant occurredAt = Instant.now().minus(Duration.ofMinutes(random.nextLong(1, 525_600)));
                for (int sequence = 0; sequence < events.size(); sequence++) {
                    LeadEvent event = events.get(sequence);
                    byte[] value =
                            envelope(event, sequence, globalPosition++, occurredAt.plusSeconds(sequence * 3600L));
                    producer.send(
                            new ProducerRecord<>(
                                    LeadTopics.LEAD_EVENTS, event.leadId().toString(), value),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                } else {
                                    written.incrementAndGet();
                                }
                            });
                    sent++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka rejected a seeded event", failure.get());
        }
        return written.get();
    }

    private byte[] envelope(LeadEvent event, long sequence, long globalPosition, Instant occurredAt) {
        LeadEventEnvelope envelope = new LeadEventEnvelope(
                UUID.randomUUID(),
                LeadEventTypes.typeOf(event),
                "1",
                event.leadId(),
                event.organizationId(),
                sequence,
                globalPosition,
                occurredAt,
                "benchmark-seed",
                "seed-" + globalPosition,
                mapper.valueToTree(event));
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a seeded envelope", e);
        }
    }

    private List<LeadEvent> oneLead() {
        UUID lead = UUID.randomUUID();
        UUID org = SEED_ORGANIZATION;
        String first = LeadSamples.firstName(random);
        BigDecimal value = new BigDecimal(LeadSamples.dealValue(random));
        List<LeadEvent> events = new ArrayList<>();
        events.add(new LeadCreated(
                lead,
                org,
                first + " " + LeadSamples.lastName(random),
                "seed-" + lead + "@bench.example.org",
                LeadSamples.company(random),
                ApiEnums.organizationType(LeadSamples.organizationType(random)),
                random.nextInt(101),
                ComplianceStatus.PENDING,
                List.of(LeadSamples.requirement(random)),
                random.nextInt(30, 720),
                LeadSamples.procurementStage(random),
                value,
                new LeadSource(ApiEnums.channel(LeadSamples.channel(random)), "Seeded campaign")));
        List<LeadEvent> followUps = List.of(
                new ComplianceUpdated(
                        lead,
                        org,
                        ComplianceStatus.PENDING,
                        ComplianceStatus.APPROVED,
                        List.of(LeadSamples.requirement(random)),
                        "Permit granted"),
                new ProcurementUpdated(lead, org, random.nextInt(30, 720), LeadSamples.procurementStage(random)),
                new LifecycleStageChanged(lead, org, LifecycleStage.LEAD, LifecycleStage.MQL, "Attended the webinar"),
                new DealValueChanged(lead, org, value, value.add(BigDecimal.valueOf(random.nextInt(1, 100_000)))),
                new PlaybookApplied(
                        lead,
                        org,
                        "pb-" + random.nextInt(20),
                        ApiEnums.strategy(LeadSamples.strategy(random)),
                        List.of("public tenders", "municipal utilities"),
                        "6 months",
                        List.of("tender desk")));
        events.addAll(followUps.subList(0, random.nextInt(2, followUps.size() + 1)));
        return events;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                "20",
                ProducerConfig.BATCH_SIZE_CONFIG,
                Integer.toString(256 * 1024),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()));
        return properties;
    }
}
