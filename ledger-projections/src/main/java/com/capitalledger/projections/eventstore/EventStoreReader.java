package com.capitalledger.projections.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads the whole event store in global-index order, streaming, for the rebuilds and checks that fold it afresh. */
@Component
public class EventStoreReader {

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    public EventStoreReader(EventStorageEngine storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    /** The global index of the newest stored event (0 before the first). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * Each event under its own index, even one that commits during the read after a later-numbered event (writers
     * keep writing during a rebuild or a check): the stream is sequential, so each token is compared with the one
     * before it.
     */
    public <R> R read(Function<Stream<StoredEvent>, R> reader) {
        return readAfter(0, reader);
    }

    /** The same, from the first event after global index {@code after} on (every event for 0). */
    public <R> R readAfter(long after, Function<Stream<StoredEvent>, R> reader) {
        TrackingToken start = after <= 0 ? null : GapAwareTrackingToken.newInstance(after, Set.of());
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
            AtomicReference<TrackingToken> previous = new AtomicReference<>(start);
            return reader.apply(events.sequential().map(message -> {
                long index = TrackingTokens.ownIndex(previous.getAndSet(message.trackingToken()), message.trackingToken());
                return new StoredEvent(message.getIdentifier(), index, message.getPayload(), message.getTimestamp(),
                        message.getMetaData());
            }));
        }
    }
}
