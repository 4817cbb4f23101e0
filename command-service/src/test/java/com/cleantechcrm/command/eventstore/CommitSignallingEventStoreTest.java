package com.cleantechcrm.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks when the event store wakes its reader, with Spring transactions on the real PostgreSQL test database. The
 * fetch delay is one hour, so within a test the reader reads new events only when it is woken. Axon's in-memory
 * storage engine makes an appended event readable at once, even before any commit, so an event that arrives early
 * shows that the reader was woken early.
 */
class CommitSignallingEventStoreTest {

    private final List<Thread> storeThreads = new CopyOnWriteArrayList<>();
    private DataSourceTransactionManager transactionManager;
    private CommitSignallingEventStore eventStore;
    private BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    void startStore() throws InterruptedException {
        String url = "jdbc:postgresql://" + environment("CRM_TEST_DB_HOST", "127.0.0.1") + ":"
                + environment("CRM_TEST_DB_PORT", "5432") + "/" + environment("CRM_TEST_DB_NAME", "test");
        transactionManager = new DataSourceTransactionManager(
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        eventStore = new CommitSignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .fetchDelay(1)
                .timeUnit(TimeUnit.HOURS)
                .threadFactory(runnable -> {
                    Thread thread = new Thread(runnable, "event-store-" + storeThreads.size());
                    thread.setDaemon(true);
                    storeThreads.add(thread);
                    return thread;
                }));
        stream = eventStore.openStream(null);

        // The first read finds the store empty, makes the stream follow the store's reader and starts that reader.
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        awaitReaderSleeping();
    }

    @AfterEach
    void stopStore() {
        stream.close();
        eventStore.shutDown();
    }

    @Test
    void wakesReaderAfterOwnCommit() throws InterruptedException {
        publishInUnitOfWork("own transaction");

        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("own transaction");
    }

    @Test
    void wakesReaderAfterEnclosingCommit() throws InterruptedException {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publishInUnitOfWork("enclosing transaction");

            assertThat(hasNextWithin(500)).as("delivered before the commit").isFalse();
        });

        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS))
                .as("delivered after the commit")
                .isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("enclosing transaction");
    }

    @Test
    void keepsReaderAsleepOnRollback() throws InterruptedException {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publishInUnitOfWork("rolled back");
            status.setRollbackOnly();
        });

        assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void signalsStreamOnlyAfterEnclosingCommit() throws InterruptedException {
        CountDownLatch signalled = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(signalled::countDown)).isTrue();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publishInUnitOfWork("signalled");

            assertThat(signalled.getCount()).as("signalled before the commit").isEqualTo(1);
        });

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        // The first check after a signal waits for the reader to fetch the committed event.
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("signalled");
    }

    @Test
    void stopsSignallingClosedStream() {
        AtomicInteger signals = new AtomicInteger();
        stream.setOnAvailableCallback(signals::incrementAndGet);
        stream.close();

        publishInUnitOfWork("after close");

        assertThat(signals).hasValue(0);
    }

    /** Appends one event in a unit of work that joins the current Spring transaction or starts its own. */
    private void publishInUnitOfWork(String payload) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(new SpringTransactionManager(transactionManager));
        eventStore.publish(GenericEventMessage.asEventMessage(payload));
        unitOfWork.commit();
    }

    private boolean hasNextWithin(int millis) {
        try {
            return stream.hasNextAvailable(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the reader, the first thread the store creates, sleeps for its fetch delay. A reader that is still
     * fetching would see a later event without being woken.
     */
    private void awaitReaderSleeping() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (storeThreads.isEmpty() || storeThreads.get(0).getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The event store's reader did not start waiting for new events.");
            }
            Thread.sleep(5);
        }
    }

    private static String environment(String name, String defaultValue) {
        return Optional.ofNullable(System.getenv(name)).orElse(defaultValue);
    }
}
