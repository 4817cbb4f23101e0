package com.cleantechcrm.command.relay;

import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records the {@link System#nanoTime()} at which each lead event arrives at a Kafka consumer. The consumer is assigned
 * every partition of the lead event topic from the beginning, without a consumer group, so no group rebalance delays
 * the first records.
 */
final class RecordArrivals implements AutoCloseable {

    private final ObjectMapper eventMapper = EventJson.newObjectMapper();
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    private RecordArrivals(String brokers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        List<TopicPartition> partitions =
                consumer.partitionsFor(LeadTopics.LEAD_EVENTS, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "relay-latency-consumer");
        poller.setDaemon(true);
    }

    /** Starts a consumer of the lead event topic, which must exist. */
    static RecordArrivals start(String brokers) {
        RecordArrivals recordArrivals = new RecordArrivals(brokers);
        recordArrivals.poller.start();
        return recordArrivals;
    }

    /**
     * Waits for the event with {@code sequenceNumber} of lead {@code leadId} and returns the {@link System#nanoTime()}
     * at which the consumer received it.
     */
    long await(UUID leadId, long sequenceNumber, Duration timeout) throws InterruptedException {
        try {
            return arrivalOf(leadId.toString(), sequenceNumber).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "Event " + sequenceNumber + " of lead " + leadId + " did not arrive at Kafka within " + timeout, e);
        } catch (ExecutionException e) {
            throw new AssertionError("Reading event " + sequenceNumber + " of lead " + leadId + " failed.", e);
        }
    }

    /** Tells whether the event with {@code sequenceNumber} of lead {@code leadId} has arrived. */
    boolean hasArrived(UUID leadId, long sequenceNumber) {
        return arrivalOf(leadId.toString(), sequenceNumber).isDone();
    }

    private CompletableFuture<Long> arrivalOf(String leadId, long sequenceNumber) {
        return arrivals.computeIfAbsent(leadId + "/" + sequenceNumber, key -> new CompletableFuture<>());
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long received = System.nanoTime();
                    arrivalOf(record.key(), sequenceNumberOf(record)).complete(received);
                }
            }
        } catch (WakeupException e) {
            // close() wakes the consumer to end the loop.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private long sequenceNumberOf(ConsumerRecord<String, byte[]> record) {
        try {
            return eventMapper
                    .readValue(record.value(), LeadEventEnvelope.class)
                    .sequenceNumber();
        } catch (IOException e) {
            throw new IllegalStateException("The record at offset " + record.offset() + " is not a lead event.", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(TimeUnit.SECONDS.toMillis(10));
    }
}
