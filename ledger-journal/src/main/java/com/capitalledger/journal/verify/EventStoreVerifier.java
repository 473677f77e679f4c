package com.capitalledger.journal.verify;

import com.capitalledger.journal.entry.EventSeals;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.entry.StoredEventRow;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.tree.MerkleTree;
import com.capitalledger.journal.tree.TreeFrontier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
public class EventStoreVerifier implements AutoCloseable {

    /** The order in which a growing tree completes its subtrees: by the leaf that completes each, then by level. */
    private static final Comparator<MerkleTree.Node> COMPLETION = Comparator
            .<MerkleTree.Node>comparingLong(node -> node.first() + node.size())
            .thenComparingInt(MerkleTree.Node::level);

    /** Rows rendered (parsed, written canonically, hashed, seal checked) together, while the next ones are read. */
    private static final int CHUNK = 2_000;
    /** Chunks read ahead of the one being fed to the verification: memory stays bounded. */
    private static final int IN_FLIGHT = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final EventSeals seals;
    private final ExecutorService renderers;
    private final ExecutorService feeder;
    private final int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

    public EventStoreVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
        AtomicInteger threads = new AtomicInteger();
        this.renderers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "journal-verification-render-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.feeder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "journal-verification-tree");
            thread.setDaemon(true);
            return thread;
        });
        this.snapshot = new TransactionTemplate(transactions);
        // Not read-only: the service serves read-only transactions from a read replica when it has one, and the
        // journal is verified against the primary, where it is written.
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * @param verification the pass to feed (its {@link VerificationPass#checked()} is the progress)
     * @param upTo         the highest global index the journal has passed
     * @param pending      global indexes at or below it the journal still waits for (committed late)
     */
    public VerificationPass.Report verify(VerificationPass verification, long upTo, Collection<Long> pending) {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<VerificationPass.Report>) connection -> {
            compareEntriesAndSubtrees(connection, verification);
            findUnjournaled(connection, verification, upTo, pending);
            return verification.report();
        }));
    }

    /** Stops its threads (Spring calls it when the context closes). */
    @Override
    public void close() {
        renderers.shutdownNow();
        feeder.shutdownNow();
    }

    /** An entry as read, its event rendered later (off the reading thread). */
    private record Read(long seq, byte[] leaf, String eventId, StoredEventRow event) {
    }

    /** What rendering an entry's event gave: the rendered entry, or why its event could not be read. */
    private record Outcome(JournalEntries.Rendered rendered, String unreadable) {
    }

    /** A chunk of entries as read, and the stored subtrees that the chunk's entries complete (or that sort among them). */
    private record Chunk(List<Read> reads, List<TreeFrontier.HashedNode> nodes) {
    }

    /**
     * Reads entries and stored subtrees a chunk at a time on this thread (the connection's only user), renders each
     * chunk on every core, and feeds the rendered chunks, in seq order, to the verification on a thread of its own: so
     * reading, rendering and the tree all work at once. At most {@value #IN_FLIGHT} chunks are read ahead.
     */
    private void compareEntriesAndSubtrees(Connection connection, VerificationPass verification) throws SQLException {
        try (PreparedStatement entries = entries(connection);
             PreparedStatement nodes = JournalStore.cursor(connection,
                     "SELECT level, idx, hash FROM journal_node ORDER BY ((idx + 1) << level), level");
             ResultSet entryRows = entries.executeQuery();
             ResultSet nodeRows = nodes.executeQuery()) {
            StoredNodes stored = new StoredNodes(nodeRows);
            Deque<CompletableFuture<Void>> fed = new ArrayDeque<>();
            CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
            ExpectedNodes expected = new ExpectedNodes();
            boolean more = true;
            while (more) {
                List<Read> reads = new ArrayList<>(CHUNK);
                while (reads.size() < CHUNK && (more = entryRows.next())) {
                    reads.add(new Read(entryRows.getLong(1), entryRows.getBytes(2), entryRows.getString(3),
                            entryRows.getObject("global_index") == null ? null : JournalStore.event(entryRows)));
                }
                if (reads.isEmpty()) {
                    break;
                }
                Chunk chunk = new Chunk(reads, stored.upTo(reads.get(reads.size() - 1).seq() + 1));
                CompletableFuture<List<Outcome>> rendering = render(reads);
                last = last.thenCombineAsync(rendering, (done, outcomes) -> {
                    feed(chunk, outcomes, verification, expected);
                    return null;
                }, feeder);
                fed.addLast(last);
                if (fed.size() > IN_FLIGHT) {
                    join(fed.removeFirst());
                }
            }
            join(last);
            expected.rest(stored.rest(), verification);
        }
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
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

    private static void feed(Chunk chunk, List<Outcome> outcomes, VerificationPass verification, ExpectedNodes stored) {
        stored.add(chunk.nodes());
        for (int i = 0; i < chunk.reads().size(); i++) {
            Read read = chunk.reads().get(i);
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

    private static void findUnjournaled(Connection connection, VerificationPass verification, long upTo,
                                        Collection<Long> pending) throws SQLException {
        try (PreparedStatement events = JournalStore.cursor(connection, JournalStore.UNJOURNALED)) {
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
            return JournalEntries.render(event, null).programId();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static PreparedStatement entries(Connection connection) throws SQLException {
        PreparedStatement entries = JournalStore.cursor(connection, JournalStore.ENTRIES);
        entries.setLong(1, 0);
        entries.setLong(2, Long.MAX_VALUE);
        return entries;
    }

    /** The stored subtrees as read, in completion order, handed out a chunk at a time. */
    private static final class StoredNodes {

        private final ResultSet rows;
        private TreeFrontier.HashedNode next;

        StoredNodes(ResultSet rows) throws SQLException {
            this.rows = rows;
            advance();
        }

        /** The subtrees completed by a leaf before {@code end} (all those that sort before the first after it). */
        List<TreeFrontier.HashedNode> upTo(long end) throws SQLException {
            List<TreeFrontier.HashedNode> nodes = new ArrayList<>();
            while (next != null && next.node().first() + next.node().size() <= end) {
                nodes.add(next);
                advance();
            }
            return nodes;
        }

        List<TreeFrontier.HashedNode> rest() throws SQLException {
            return upTo(Long.MAX_VALUE);
        }

        private void advance() throws SQLException {
            next = rows.next() ? new TreeFrontier.HashedNode(new MerkleTree.Node(rows.getInt(1), rows.getLong(2)),
                    rows.getBytes(3)) : null;
        }
    }

    /** The stored subtrees handed over so far, compared with the ones computed again, both in completion order. */
    private static final class ExpectedNodes {

        private final Deque<TreeFrontier.HashedNode> stored = new ArrayDeque<>();

        void add(List<TreeFrontier.HashedNode> nodes) {
            stored.addAll(nodes);
        }

        void compare(TreeFrontier.HashedNode computed, VerificationPass verification) {
            while (!stored.isEmpty() && COMPLETION.compare(stored.peekFirst().node(), computed.node()) < 0) {
                verification.subtree(stored.removeFirst().node(), "is stored, but no entry completes it");
            }
            TreeFrontier.HashedNode next = stored.peekFirst();
            if (next == null || !next.node().equals(computed.node())) {
                verification.subtree(computed.node(), "is missing");
                return;
            }
            stored.removeFirst();
            if (!Arrays.equals(next.hash(), computed.hash())) {
                verification.subtree(computed.node(), "does not hash to its entries: it was changed");
            }
        }

        void rest(List<TreeFrontier.HashedNode> beyond, VerificationPass verification) {
            stored.addAll(beyond);
            while (!stored.isEmpty()) {
                verification.subtree(stored.removeFirst().node(), "is stored beyond the journal's entries");
            }
        }
    }
}
