package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.EventMetadata;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every record of the lead-event topic to the {@link LeadEventApplier}.
 *
 * <p>The container runs with {@code AckMode.BATCH} and auto-commit off. It commits the offsets of a poll only after
 * this method has returned for every record of it, and this method returns only after the record's database
 * transaction committed. A crash in between redelivers records, which the applier then skips by sequence number.
 * BATCH is used instead of RECORD because it commits once per poll rather than once per event, which keeps a rebuild
 * of the whole topic fast, and it is just as safe here.
 */
@Component
public class LeadEventListener {

    /** The listener container id, which the rebuild uses to stop and start consumption. */
    public static final String CONTAINER_ID = "lead-events";

    private final LeadEventApplier applier;
    private final EventOutcomeMetrics metrics;

    LeadEventListener(LeadEventApplier applier, EventOutcomeMetrics metrics) {
        this.applier = applier;
        this.metrics = metrics;
    }

    @KafkaListener(id = CONTAINER_ID, topics = LeadTopics.LEAD_EVENTS, groupId = "${spring.kafka.consumer.group-id}")
    void onRecord(ConsumerRecord<String, LeadEventEnvelope> record) {
        if (record.value() == null) {
            throw new RejectedEventException(
                    "record at offset " + record.offset() + " of partition " + record.partition() + " has no value");
        }
        // The request id of the write that caused the event goes into this service's log lines too.
        try (MDC.MDCCloseable requestId = MDC.putCloseable(
                EventMetadata.REQUEST_ID, String.valueOf(record.value().requestId()))) {
            LeadEventApplier.Outcome outcome = applier.apply(record.key(), record.value());
            metrics.record(outcome);
            // apply() has committed its transaction when it returns.
            if (outcome == LeadEventApplier.Outcome.APPLIED) {
                metrics.recordProjectionLag(record.value().occurredAt());
            }
        }
    }
}
