package com.capitalledger.journal.store;

import com.capitalledger.journal.entry.EventSeals;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.entry.StoredEventRow;
import com.capitalledger.journal.tree.TreeFrontier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes events into the journal in the order it is given them: each gets the next seq, its leaf hash and the tree's
 * newly completed subtrees, written in the caller's transaction (the journal processor's batch, with its token). An
 * event without a valid seal (and recorded after sealing began) is not taken but reported as an anomaly.
 * <p>
 * One writer at a time: the journal processor has one segment, which one node claims. The tree's right edge is kept
 * between batches and read again whenever the journal grew elsewhere (another node held the claim meanwhile).
 */
public class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    private final JournalStore store;
    private final EventSeals seals;
    private final Clock clock;
    private TreeFrontier frontier;
    private Long genesis;

    public JournalWriter(JournalStore store, EventSeals seals, Clock clock) {
        this.store = store;
        this.seals = seals;
        this.clock = clock;
    }

    /** Journals the events with these identifiers, in this order. */
    public synchronized void take(List<String> eventIdentifiers) {
        long size = store.size();
        TreeFrontier tree = frontier != null && frontier.size() == size ? frontier : store.frontier(size);
        if (genesis == null) {
            genesis = store.genesis();
        }
        Map<String, StoredEventRow> rows = store.events(eventIdentifiers);
        List<JournalStore.Entry> entries = new ArrayList<>(eventIdentifiers.size());
        List<TreeFrontier.HashedNode> nodes = new ArrayList<>();
        List<JournalStore.Anomaly> anomalies = new ArrayList<>();
        for (String identifier : eventIdentifiers) {
            StoredEventRow row = rows.get(identifier);
            if (row == null) {
                throw new IllegalStateException("event " + identifier + " was handed to the journal but is not stored");
            }
            JournalEntries.Rendered rendered;
            try {
                rendered = JournalEntries.render(row, seals);
            } catch (IllegalArgumentException unreadable) {
                anomalies.add(anomaly(row, "its payload or metadata is not JSON: " + unreadable.getMessage()));
                continue;
            }
            if (row.globalIndex() > genesis && !rendered.sealed()) {
                anomalies.add(anomaly(row, rendered.seal() == null ? "it carries no seal"
                        : "its seal does not match its content"));
                continue;
            }
            byte[] leaf = rendered.leaf();
            entries.add(new JournalStore.Entry(tree.size(), row.globalIndex(), identifier, leaf));
            nodes.addAll(tree.append(leaf));
        }
        store.append(entries, nodes, anomalies, clock.instant());
        frontier = tree;
    }

    /** Forgets the cached edge: the batch that grew it did not commit. */
    public synchronized void rolledBack() {
        frontier = null;
    }

    private static JournalStore.Anomaly anomaly(StoredEventRow row, String reason) {
        log.error("The journal refuses event {} (global index {}): not written by this ledger, {}",
                row.eventIdentifier(), row.globalIndex(), reason);
        String shortened = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return new JournalStore.Anomaly(row.globalIndex(), row.eventIdentifier(), shortened);
    }
}
