package com.capitalledger.journal.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells listeners on this node that the journal grew: the sequencer's batch committed. The event feed wakes on it
 * instead of polling; entries journaled by another node are found by the feed's own slower poll.
 */
public class JournalGrowth {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Runs {@code listener} after each committed batch, on the sequencer's thread: it must return at once. */
    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    void grew() {
        listeners.forEach(Runnable::run);
    }
}
