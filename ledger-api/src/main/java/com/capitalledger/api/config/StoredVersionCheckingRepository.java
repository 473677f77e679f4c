package com.capitalledger.api.config;

import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.caching.Cache;

import java.util.Objects;

/**
 * Axon's caching repository, made safe for several nodes and for a transaction that outlives the unit of work. A
 * cached aggregate is used only if its version is the one stored: one indexed look-up of the stream's last sequence
 * number in the command's own transaction, instead of reading a snapshot and up to a hundred events.
 * <p>
 * Without the check a program cached on node A would miss an event appended on node B. A stale acceptance would be
 * caught by the append (the sequence number is taken), but a stale refusal would not: the command would be refused on
 * figures that are no longer true. Likewise a cached program whose events were rolled back with the enclosing
 * transaction (after Axon's unit of work had committed) is one version ahead of the store. Either way the entry is
 * dropped and the program loaded from its snapshot and events.
 */
public class StoredVersionCheckingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    StoredVersionCheckingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache.containsKey(aggregateIdentifier)) {
            EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
            if (Objects.equals(cached.version(), stored)) {
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
