package com.capitalledger.api.consistency;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, told the moment new events can be read, so that processors handle them within
 * milliseconds instead of on their next poll.
 * <p>
 * As Axon ships it, the store's reader looks for new events when a unit of work commits and otherwise every second;
 * but a command sent inside the HTTP request's transaction (which also stores its idempotency key) commits after its
 * unit of work, so that look found nothing and the events waited for the next second. And its streams offer no
 * callback, so Axon's pooled processors poll them every 500 ms. Here the store looks again once the transaction that
 * stored events has really committed ({@link #committed()}, also called for other nodes' commits by
 * {@link EventSignals}), and its streams tell their processor as soon as the reader has brought new events in.
 */
public class SignalledEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignalledEventStore.class);
    /** The shortest time between two calls of the processors' callbacks. */
    private static final long BATCHING_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final Set<Runnable> availabilityCallbacks = new CopyOnWriteArraySet<>();
    private final Set<Runnable> commitListeners = new CopyOnWriteArraySet<>();
    private volatile Thread watcher;
    private volatile boolean stopped;

    public SignalledEventStore(Builder builder) {
        super(builder);
    }

    /** Runs after every local commit that stored events (to tell other nodes). */
    public void onCommitted(Runnable listener) {
        commitListeners.add(listener);
    }

    /** New events may be readable now (committed here or on another node): the reader looks at once. */
    public void wake() {
        super.afterCommit(List.of());
    }

    /**
     * Axon calls this when the unit of work that published events commits. Inside a longer Spring transaction (the
     * HTTP request's) nothing is visible yet, so the look waits for that transaction's own commit.
     */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed();
                }
            });
        } else {
            committed();
        }
    }

    private void committed() {
        wake();
        commitListeners.forEach(Runnable::run);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignallingStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        stopped = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
        super.shutDown();
    }

    /**
     * The watcher: a stream of its own at the head of the store, which wakes when the reader has brought new events
     * into the store's shared cache (the processors' streams read from the same cache), and then calls every stream's
     * availability callback.
     */
    private synchronized void ensureWatcher() {
        if (watcher != null || stopped) {
            return;
        }
        watcher = new Thread(this::watch, "event-store-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (!stopped) {
            try (TrackingEventStream head = super.openStream(createHeadToken())) {
                long lastCall = System.nanoTime() - BATCHING_NANOS;
                while (!stopped) {
                    head.nextAvailable();
                    // Right away after a quiet spell; under load at most every BATCHING_NANOS, so that each of the
                    // processors takes what arrived meanwhile in one transaction instead of one per commit.
                    long early = lastCall + BATCHING_NANOS - System.nanoTime();
                    if (early > 0) {
                        TimeUnit.NANOSECONDS.sleep(early);
                    }
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    lastCall = System.nanoTime();
                    availabilityCallbacks.forEach(Runnable::run);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The database is away: the processors poll on their own meanwhile; look again in a second.
                log.debug("The event store watcher lost its stream; reopening it in 1 s", failed);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A processor's stream, as Axon's, with the availability callback Axon's pooled processors wait on. */
    private final class SignallingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private Runnable callback;

        SignallingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            availabilityCallbacks.add(callback);
            ensureWatcher();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
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
            if (callback != null) {
                availabilityCallbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
