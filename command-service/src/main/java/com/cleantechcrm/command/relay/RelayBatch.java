package com.cleantechcrm.command.relay;

import com.cleantechcrm.events.LeadEventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.support.SendResult;

/**
 * The Kafka sends of one batch of events that the relay's processor handles in one unit of work. Before the unit of
 * work commits, and with it the processor's token, the batch waits for Kafka to acknowledge every send in the order
 * the events were sent. The first send that fails or is not acknowledged in time throws, which rolls the unit of work
 * back, so the token stays before the whole batch.
 */
final class RelayBatch {

    /** One event sent to Kafka, and the result Kafka reports for it. */
    record PendingSend(LeadEventEnvelope envelope, CompletableFuture<SendResult<String, byte[]>> result) {}

    /** Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) for one send, or throws. */
    @FunctionalInterface
    interface Acknowledgement {

        void await(PendingSend send, long deadlineNanos);
    }

    private static final String RESOURCE_KEY = RelayBatch.class.getName();

    private final List<PendingSend> sends = new ArrayList<>();

    private RelayBatch() {}

    /**
     * Returns the batch of {@code unitOfWork}, creating it on the first event, together with the commit step that waits
     * at most {@code timeout} for the acknowledgements of all its sends.
     */
    static RelayBatch of(UnitOfWork<?> unitOfWork, Duration timeout, Acknowledgement acknowledgement) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(RESOURCE_KEY, key -> {
            RelayBatch batch = new RelayBatch();
            root.onPrepareCommit(committing -> batch.awaitAll(timeout, acknowledgement));
            return batch;
        });
    }

    void add(PendingSend send) {
        sends.add(send);
    }

    private void awaitAll(Duration timeout, Acknowledgement acknowledgement) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        for (PendingSend send : sends) {
            acknowledgement.await(send, deadlineNanos);
        }
    }
}
