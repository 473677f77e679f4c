package com.capitalledger.api.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;

/**
 * The global indexes of the events this node read most recently, by event identifier. An event's index never changes
 * once stored, so an entry is never stale; the bound only limits memory (processors far behind the others ask the
 * event table instead).
 */
@Component
public class RecentEventIndexes {

    static final int CAPACITY = 100_000;

    private final Cache<String, Long> indexes = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    void remember(String eventIdentifier, long globalIndex) {
        indexes.put(eventIdentifier, globalIndex);
    }

    /** Those of these events that are remembered. */
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        return indexes.getAllPresent(eventIdentifiers);
    }
}
