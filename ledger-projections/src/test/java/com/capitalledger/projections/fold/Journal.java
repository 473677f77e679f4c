package com.capitalledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events as the folds take them: numbered from 1 in the order added and recorded a minute apart. */
public final class Journal {

    public static final Instant START = Instant.parse("2025-01-02T09:00:00Z");

    private final List<Recorded<?>> entries = new ArrayList<>();

    public Recorded<Object> add(Object event) {
        Recorded<Object> recorded = new Recorded<>(event, entries.size() + 1L,
                START.plusSeconds(60L * entries.size()));
        entries.add(recorded);
        return recorded;
    }

    public List<Recorded<?>> entries() {
        return List.copyOf(entries);
    }
}
