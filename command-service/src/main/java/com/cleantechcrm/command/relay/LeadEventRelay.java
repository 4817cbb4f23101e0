package com.cleantechcrm.command.relay;

import com.cleantechcrm.command.relay.RelayBatch.PendingSend;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.EventMetadata;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.support.kafka.KafkaTopicCreator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored lead event to Kafka, keyed by lead id so that one lead's events stay in order. The processor
 * hands the relay a batch of events in one unit of work; the handler sends each event without waiting, and the unit
 * of work waits for Kafka to acknowledge every record of the batch before it commits. The processor's token, stored
 * in that commit, therefore never moves past an event that Kafka does not have. A failed send fails the whole batch,
 * and the processor retries it from its first event: Kafka may then receive events twice, which consumers detect by
 * lead id and sequence number. The idempotent producer keeps each partition in send order across its own retries.
 */
@Component
@ProcessingGroup(LeadEventRelay.PROCESSING_GROUP)
class LeadEventRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private static final Logger log = LoggerFactory.getLogger(LeadEventRelay.class);

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final KafkaTopicCreator topicCreator;
    private final RelayProperties properties;
    private final ObjectMapper eventMapper = EventJson.newObjectMapper();

    private volatile boolean topicsChecked;

    LeadEventRelay(
            KafkaTemplate<String, byte[]> kafkaTemplate, KafkaTopicCreator topicCreator, RelayProperties properties) {
        this.kafkaTemplate = kafkaTemplate;
        this.topicCreator = topicCreator;
        this.properties = properties;
    }

    @EventHandler
    void publish(LeadEvent event, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        LeadEventEnvelope envelope = LeadEventEnvelopes.of(event, message, token, eventMapper);
        byte[] value = eventMapper.writeValueAsBytes(envelope);
        ensureTopicsExist(envelope);
        CompletableFuture<SendResult<String, byte[]>> sent =
                kafkaTemplate.send(LeadTopics.LEAD_EVENTS, event.leadId().toString(), value);
        RelayBatch.of(CurrentUnitOfWork.get(), properties.sendTimeout(), this::awaitAcknowledgement)
                .add(new PendingSend(envelope, sent));
    }

    /** Waits for Kafka's acknowledgement of one record of the batch, or throws so that the batch is retried. */
    private void awaitAcknowledgement(PendingSend pending, long deadlineNanos) {
        LeadEventEnvelope envelope = pending.envelope();
        // The relay's log lines carry the id of the request that caused the event.
        try (MDC.MDCCloseable requestId =
                MDC.putCloseable(EventMetadata.REQUEST_ID, String.valueOf(envelope.requestId()))) {
            awaitAcknowledgement(envelope, pending.result(), deadlineNanos);
        }
    }

    private void awaitAcknowledgement(
            LeadEventEnvelope envelope, CompletableFuture<SendResult<String, byte[]>> sent, long deadlineNanos) {
        try {
            long remainingNanos = Math.max(0, deadlineNanos - System.nanoTime());
            SendResult<String, byte[]> result = sent.get(remainingNanos, TimeUnit.NANOSECONDS);
            log.info(
                    "Published event {} ({} {} of lead {}, global position {}) to {} partition {} offset {}.",
                    envelope.eventId(),
                    envelope.eventType(),
                    envelope.sequenceNumber(),
                    envelope.leadId(),
                    envelope.globalPosition(),
                    LeadTopics.LEAD_EVENTS,
                    result.getRecordMetadata().partition(),
                    result.getRecordMetadata().offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(envelope, "the relay thread was interrupted", e);
        } catch (ExecutionException e) {
            throw failure(
                    envelope, e.getCause() == null ? e.toString() : e.getCause().toString(), e);
        } catch (TimeoutException e) {
            throw failure(
                    envelope,
                    "the send timed out after " + properties.sendTimeout() + " without an acknowledgement",
                    e);
        }
    }

    /**
     * Creates the topics, with their partitions and retention, before the first send. Kafka may be down when the
     * service starts, and a broker that creates topics on first use would otherwise give them its own defaults.
     */
    private void ensureTopicsExist(LeadEventEnvelope envelope) {
        if (topicsChecked) {
            return;
        }
        topicsChecked = topicCreator.createMissing(List.of(LeadTopics.LEAD_EVENTS, LeadTopics.LEAD_EVENTS_DEAD_LETTER));
        if (!topicsChecked) {
            throw failure(envelope, "the topics could not be checked or created", null);
        }
    }

    private static RelayPublishException failure(LeadEventEnvelope envelope, String reason, Exception cause) {
        log.warn(
                "Publishing event {} ({} {} of lead {}, global position {}) to {} failed and will be retried: {}",
                envelope.eventId(),
                envelope.eventType(),
                envelope.sequenceNumber(),
                envelope.leadId(),
                envelope.globalPosition(),
                LeadTopics.LEAD_EVENTS,
                reason);
        return new RelayPublishException(
                "Publishing event " + envelope.eventId() + " of lead " + envelope.leadId() + " failed: " + reason,
                cause);
    }

    /** Kafka did not acknowledge an event, so the processor retries it. */
    static class RelayPublishException extends RuntimeException {

        RelayPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
