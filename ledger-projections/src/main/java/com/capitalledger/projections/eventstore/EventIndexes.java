package com.capitalledger.projections.eventstore;

import java.util.Collection;
import java.util.Map;

/** Where the event store keeps each event: its global index, by event identifier. Implemented next to the store. */
public interface EventIndexes {

    /** The global index of each of these events that is stored; absent ones are left out. */
    Map<String, Long> of(Collection<String> eventIdentifiers);
}
