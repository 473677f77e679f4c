package com.capitalledger.journal.seal;

import com.capitalledger.journal.entry.EventSeals;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.entry.StoredEventRow;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Seals every event the ledger publishes, as the event store is about to store it: the seal covers the entry the
 * journal will render from the stored row (payload and metadata serialized as the store serializes them, the
 * timestamp as the store writes it), so the journal can tell this ledger's events from rows written behind its back.
 */
public final class SealingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final EventSeals seals;
    private final Serializer serializer;
    private Registration registration;

    public SealingInterceptor(EventSeals seals, Serializer serializer) {
        this.seals = seals;
        this.serializer = serializer;
    }

    /** Seals every event published to this store from now on. */
    public synchronized void attachTo(EventStore store) {
        registration = store.registerDispatchInterceptor(this);
    }

    /**
     * Stops sealing. Only the command benchmark calls it (and {@link #attachTo} again), to measure commands without
     * the journal beside commands with it in one run: events stored meanwhile carry no seal, and the journal refuses
     * them.
     */
    public synchronized void detach() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message instanceof DomainEventMessage<?> event ? seal(event) : message;
    }

    private EventMessage<?> seal(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        StoredEventRow row = new StoredEventRow(-1, event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getType(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metadata.getData(),
                DateTimeUtils.formatInstant(event.getTimestamp()));
        return event.andMetaData(Map.of(JournalEntries.SEAL, JournalEntries.sealFor(row, seals)));
    }
}
