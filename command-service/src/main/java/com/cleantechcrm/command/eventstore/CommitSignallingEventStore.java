package com.cleantechcrm.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
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
 */
class CommitSignallingEventStore extends EmbeddedEventStore {

    CommitSignallingEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
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
    }
}
