package com.capitalledger.api.admin;

import com.capitalledger.projections.consistency.JournalEvent;
import com.capitalledger.projections.support.Streams;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.function.Function;
import java.util.stream.Stream;

/** Reads the whole event store in global-index order, streaming, for checks that fold it afresh. */
@Component
public class Journal {

    private final EventStorageEngine storage;

    public Journal(EventStorageEngine storage) {
        this.storage = storage;
    }

    public <R> R read(Function<Stream<JournalEvent>, R> reader) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            return reader.apply(events.map(Journal::journalEvent));
        }
    }

    private static JournalEvent journalEvent(TrackedEventMessage<?> message) {
        return new JournalEvent(message.getIdentifier(), Streams.globalIndex(message.trackingToken()),
                message.getPayload(), message.getTimestamp(), message.getMetaData());
    }
}
