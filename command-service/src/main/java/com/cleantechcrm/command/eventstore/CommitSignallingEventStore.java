package com.cleantechcrm.command.eventstore;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An {@link EmbeddedEventStore} that wakes its event reader only after the database transaction has committed.
 *
 * <p>Axon 4.13's {@code EmbeddedEventStore} wakes the thread that reads new events for the streaming processors when
 * the unit of work that appended them commits. When that unit of work joined an enclosing Spring transaction, as a
 * lead creation does, Axon's {@code SpringTransactionManager} leaves the commit to the enclosing transaction, so the
 * reader runs before the events are visible, finds nothing and sleeps for the whole fetch delay. This store defers
 * the wake-up to the enclosing transaction's commit instead.
 *
 * <p>After the wake-up it also signals the streams it opened (see {@link CommitSignalledStream}), so a pooled
 * streaming processor reads the new events at once instead of at its next poll.
 */
class CommitSignallingEventStore extends EmbeddedEventStore {

    /** How long a signalled stream waits for the reader to fetch the committed events. */
    private static final int ARRIVAL_WAIT_MILLIS = 200;

    private final Set<CommitSignalledStream> openStreams = ConcurrentHashMap.newKeySet();

    CommitSignallingEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        CommitSignalledStream stream =
                new CommitSignalledStream(super.openStream(trackingToken), ARRIVAL_WAIT_MILLIS, openStreams::remove);
        openStreams.add(stream);
        return stream;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeEventReader(events);
                }
            });
        } else {
            wakeEventReader(events);
        }
    }

    private void wakeEventReader(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        openStreams.forEach(CommitSignalledStream::signalCommit);
    }
}
