package com.capitalledger.projections.journal;

import com.capitalledger.core.journal.MerkleTree;
import com.capitalledger.core.journal.TreeFrontier;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies the journal against the event store, in one consistent snapshot: every entry's leaf hash recomputed from
 * its stored event, every stored subtree compared with the tree grown again from those leaves, every event the
 * journal has passed looked for in the journal, and the root held to a trusted digest. Entries and subtrees are read
 * through two cursors side by side (both in the order a growing tree completes them), so memory stays flat however
 * long the journal; events are rendered and hashed on every core, a chunk at a time, while the next chunk is read.
 */
public class JournalVerifier {

    private static final int FETCH_SIZE = 5_000;
    /** The order in which a growing tree completes its subtrees: by the leaf that completes each, then by level. */
    private static final Comparator<MerkleTree.Node> COMPLETION = Comparator
            .<MerkleTree.Node>comparingLong(node -> node.first() + node.size())
            .thenComparingInt(MerkleTree.Node::level);

    /** Rows rendered (parsed, written canonically, hashed, seal checked) together, while the next ones are read. */
    private static final int CHUNK = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final EventSeals seals;
    private final ExecutorService renderers;
    private final int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

    public JournalVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
        AtomicInteger threads = new AtomicInteger();
        this.renderers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "journal-verification-render-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * @param verification the pass to feed (its {@link Verification#checked()} is the progress)
     * @param upTo         the highest global index the journal has passed
     * @param pending      global indexes at or below it the journal still waits for (committed late)
     */
    public Verification.Report verify(Verification verification, long upTo, Collection<Long> pending) {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<Verification.Report>) connection -> {
            compareEntriesAndSubtrees(connection, verification);
            findUnjournaled(connection, verification, upTo, pending);
            return verification.report();
        }));
    }

    /** An entry as read, its event rendered later (off the reading thread). */
    private record Read(long seq, byte[] leaf, String eventId, StoredEventRow event) {
    }

    /** What rendering an entry's event gave: the rendered entry, or why its event could not be read. */
    private record Outcome(JournalEntries.Rendered rendered, String unreadable) {
    }

    private void compareEntriesAndSubtrees(Connection connection, Verification verification) throws SQLException {
        try (PreparedStatement entries = cursor(connection, "SELECT j.seq, j.leaf_hash, j.event_identifier, "
                + JournalStore.EVENT_COLUMNS + " FROM journal_entry j "
                + "LEFT JOIN domain_event_entry e ON e.event_identifier = j.event_identifier ORDER BY j.seq");
             PreparedStatement nodes = cursor(connection,
                     "SELECT level, idx, hash FROM journal_node ORDER BY ((idx + 1) << level), level");
             ResultSet entryRows = entries.executeQuery();
             ResultSet nodeRows = nodes.executeQuery()) {
            StoredNodes stored = new StoredNodes(nodeRows);
            // Each chunk is rendered in parallel while the next one is read; results are taken in seq order.
            List<Read> chunk = new ArrayList<>(CHUNK);
            List<Read> previous = null;
            CompletableFuture<List<Outcome>> rendering = null;
            while (true) {
                boolean more = entryRows.next();
                if (more) {
                    chunk.add(new Read(entryRows.getLong(1), entryRows.getBytes(2), entryRows.getString(3),
                            entryRows.getObject("global_index") == null ? null : JournalStore.event(entryRows)));
                }
                if (chunk.size() == CHUNK || (!more && !chunk.isEmpty())) {
                    CompletableFuture<List<Outcome>> next = render(chunk);
                    if (rendering != null) {
                        feed(previous, rendering.join(), verification, stored);
                    }
                    previous = chunk;
                    rendering = next;
                    chunk = new ArrayList<>(CHUNK);
                }
                if (!more) {
                    break;
                }
            }
            if (rendering != null) {
                feed(previous, rendering.join(), verification, stored);
            }
            stored.rest(verification);
        }
    }

    private CompletableFuture<List<Outcome>> render(List<Read> chunk) {
        int slice = (chunk.size() + parallelism - 1) / parallelism;
        List<CompletableFuture<List<Outcome>>> slices = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += slice) {
            List<Read> part = chunk.subList(from, Math.min(chunk.size(), from + slice));
            slices.add(CompletableFuture.supplyAsync(() -> part.stream().map(this::render).toList(), renderers));
        }
        return CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).thenApply(done -> slices.stream()
                .flatMap(part -> part.join().stream()).toList());
    }

    private Outcome render(Read read) {
        if (read.event() == null) {
            return new Outcome(null, null);
        }
        try {
            return new Outcome(JournalEntries.render(read.event(), seals), null);
        } catch (IllegalArgumentException unreadable) {
            return new Outcome(null, String.valueOf(unreadable.getMessage()));
        }
    }

    private static void feed(List<Read> reads, List<Outcome> outcomes, Verification verification, StoredNodes stored)
            throws SQLException {
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            Outcome outcome = outcomes.get(i);
            Long globalIndex = read.event() == null ? null : read.event().globalIndex();
            List<TreeFrontier.HashedNode> completed = outcome.unreadable() != null
                    ? verification.unreadable(read.seq(), read.leaf(), read.eventId(), globalIndex, outcome.unreadable())
                    : verification.entry(read.seq(), read.leaf(), read.eventId(), globalIndex, outcome.rendered());
            for (TreeFrontier.HashedNode computed : completed) {
                stored.compare(computed, verification);
            }
        }
    }

    private static void findUnjournaled(Connection connection, Verification verification, long upTo,
                                        Collection<Long> pending) throws SQLException {
        try (PreparedStatement events = cursor(connection, "SELECT " + JournalStore.EVENT_COLUMNS + ", a.reason "
                + "FROM domain_event_entry e LEFT JOIN journal_anomaly a ON a.global_index = e.global_index "
                + "WHERE e.global_index <= ? AND NOT (e.global_index = ANY(?)) "
                + "AND NOT EXISTS (SELECT 1 FROM journal_entry j WHERE j.event_identifier = e.event_identifier) "
                + "ORDER BY e.global_index")) {
            events.setLong(1, upTo);
            events.setArray(2, connection.createArrayOf("bigint", pending.toArray()));
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    StoredEventRow event = JournalStore.event(rows);
                    String refused = rows.getString("reason");
                    verification.notJournaled(event.globalIndex(), event.eventIdentifier(), programId(event),
                            refused != null ? "the journal refused this event: not written by this ledger, " + refused
                                    : "the event store holds this event and the journal does not: it was inserted "
                                    + "behind the ledger's back");
                }
            }
        }
    }

    private static String programId(StoredEventRow event) {
        try {
            return Verification.programId(JournalEntries.entry(event));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        if (statement.isWrapperFor(PGStatement.class)) {
            // Server-prepared from the first run, so rows come in binary: bytea as bytes, not hex text to decode.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /** The stored subtrees, read alongside the ones computed again, both in completion order. */
    private static final class StoredNodes {

        private final ResultSet rows;
        private TreeFrontier.HashedNode next;

        StoredNodes(ResultSet rows) throws SQLException {
            this.rows = rows;
            advance();
        }

        void compare(TreeFrontier.HashedNode computed, Verification verification) throws SQLException {
            while (next != null && COMPLETION.compare(next.node(), computed.node()) < 0) {
                verification.subtree(next.node(), "is stored, but no entry completes it");
                advance();
            }
            if (next == null || !next.node().equals(computed.node())) {
                verification.subtree(computed.node(), "is missing");
                return;
            }
            if (!Arrays.equals(next.hash(), computed.hash())) {
                verification.subtree(computed.node(), "does not hash to its entries: it was changed");
            }
            advance();
        }

        void rest(Verification verification) throws SQLException {
            while (next != null) {
                verification.subtree(next.node(), "is stored beyond the journal's entries");
                advance();
            }
        }

        private void advance() throws SQLException {
            next = rows.next() ? new TreeFrontier.HashedNode(new MerkleTree.Node(rows.getInt(1), rows.getLong(2)),
                    rows.getBytes(3)) : null;
        }
    }
}
