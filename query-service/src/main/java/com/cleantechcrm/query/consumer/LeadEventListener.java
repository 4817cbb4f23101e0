package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.EventMetadata;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the records of each poll of the lead-event topic to the {@link LeadEventApplier}.
 *
 * <p>A poll is applied in one database transaction, so a rebuild or a backlog costs one commit per poll, not one per
 * event. When that transaction fails, the poll is applied again with one transaction per record, and the first record
 * that fails is reported to the error handler with a {@link BatchListenerFailedException}. The handler then commits
 * the offsets before that record and retries or dead-letters it alone, so one bad record never holds back or
 * dead-letters the good records of its poll.
 *
 * <p>The container runs with {@code AckMode.BATCH} and auto-commit off. It commits the offsets of a poll only after
 * this method returned, that is after the database transactions committed. A crash in between redelivers records,
 * which the applier then skips by sequence number.
 */
@Component
public class LeadEventListener {

    /** The listener container id, which the rebuild uses to stop and start consumption. */
    public static final String CONTAINER_ID = "lead-events";

    private static final Logger log = LoggerFactory.getLogger(LeadEventListener.class);

    private final LeadEventApplier applier;
    private final EventOutcomeMetrics metrics;
    private final TransactionTemplate transactionTemplate;

    LeadEventListener(LeadEventApplier applier, EventOutcomeMetrics metrics, TransactionTemplate transactionTemplate) {
        this.applier = applier;
        this.metrics = metrics;
        this.transactionTemplate = transactionTemplate;
    }

    @KafkaListener(
            id = CONTAINER_ID,
            topics = LeadTopics.LEAD_EVENTS,
            groupId = "${spring.kafka.consumer.group-id}",
            batch = "true")
    void onRecords(List<ConsumerRecord<String, LeadEventEnvelope>> records) {
        List<Applied> outcomes;
        try {
            outcomes = transactionTemplate.execute(status -> applyAll(records));
        } catch (RuntimeException batchFailure) {
            log.info(
                    "Applying a poll of {} records in one transaction failed ({}); applying them one by one.",
                    records.size(),
                    batchFailure.toString());
            outcomes = applyOneByOne(records);
        }
        recordCommitted(outcomes);
    }

    private List<Applied> applyAll(List<ConsumerRecord<String, LeadEventEnvelope>> records) {
        List<Applied> outcomes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, LeadEventEnvelope> record : records) {
            outcomes.add(apply(record));
        }
        return outcomes;
    }

    private List<Applied> applyOneByOne(List<ConsumerRecord<String, LeadEventEnvelope>> records) {
        List<Applied> outcomes = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, LeadEventEnvelope> record = records.get(index);
            try {
                outcomes.add(transactionTemplate.execute(status -> apply(record)));
            } catch (RuntimeException failure) {
                // The records before this one are committed; record their outcomes before the handler takes over.
                recordCommitted(outcomes);
                // The message carries the cause's, because the dead-letter record's exception header shows it.
                throw new BatchListenerFailedException(
                        "Failed to apply the record at offset " + record.offset() + " of partition "
                                + record.partition() + ": " + failure.getMessage(),
                        failure,
                        index);
            }
        }
        return outcomes;
    }

    private Applied apply(ConsumerRecord<String, LeadEventEnvelope> record) {
        if (record.value() == null) {
            throw new RejectedEventException(
                    "record at offset " + record.offset() + " of partition " + record.partition() + " has no value");
        }
        // The request id of the write that caused the event goes into this service's log lines too.
        try (MDC.MDCCloseable requestId = MDC.putCloseable(
                EventMetadata.REQUEST_ID, String.valueOf(record.value().requestId()))) {
            return new Applied(applier.apply(record.key(), record.value()), record.value());
        }
    }

    private void recordCommitted(List<Applied> outcomes) {
        for (Applied applied : outcomes) {
            metrics.record(applied.outcome());
            if (applied.outcome() == LeadEventApplier.Outcome.APPLIED) {
                metrics.recordProjectionLag(applied.envelope().occurredAt());
            }
        }
    }

    private record Applied(LeadEventApplier.Outcome outcome, LeadEventEnvelope envelope) {}
}
