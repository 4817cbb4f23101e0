package com.cleantechcrm.command.eventstore;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

/**
 * An event stream of the {@link CommitSignallingEventStore} that notifies its reader when a commit has stored new events.
 *
 * <p>Axon 4.13's pooled streaming processor asks a stream without an availability callback for new events every 500
 * ms. This stream accepts the callback and runs it when the store signals a commit. The store's reader fetches the
 * committed events a moment after the signal, so the first check for events after a signal waits up to
 * {@code arrivalWaitMillis} for them to arrive.
 */
final class CommitSignalledStream implements TrackingEventStream {

    private final TrackingEventStream delegate;
    private final int arrivalWaitMillis;
    private final Consumer<CommitSignalledStream> onClose;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private volatile Runnable availabilityCallback;

    CommitSignalledStream(
            TrackingEventStream delegate, int arrivalWaitMillis, Consumer<CommitSignalledStream> onClose) {
        this.delegate = delegate;
        this.arrivalWaitMillis = arrivalWaitMillis;
        this.onClose = onClose;
    }

    /** Runs the availability callback after a commit that stored events, which the reader may now find. */
    void signalCommit() {
        signalled.set(true);
        Runnable callback = availabilityCallback;
        if (callback != null) {
            callback.run();
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        availabilityCallback = callback;
        return true;
    }

    @Override
    public boolean hasNextAvailable() {
        if (!signalled.getAndSet(false)) {
            return delegate.hasNextAvailable();
        }
        try {
            return delegate.hasNextAvailable(arrivalWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        onClose.accept(this);
        delegate.close();
    }
}
