package com.capitalledger.journal.store;

import com.capitalledger.journal.entry.StoredEventRow;
import com.capitalledger.journal.tree.MerkleTree;
import com.capitalledger.journal.tree.TreeFrontier;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The journal's tables and the event store rows it renders its entries from. Every statement takes bind parameters
 * only.
 */
@Repository
public class JournalStore {

    /** An entry as the journal stores it. */
    public record Entry(long seq, long globalIndex, String eventIdentifier, byte[] leafHash) {
    }

    /** An event the journal would not take. */
    public record Anomaly(long globalIndex, String eventIdentifier, String reason) {
    }

    /**
     * A journal entry with its stored event, if the store still holds it: what verification and the export read.
     * {@code seq} and {@code leafHash} are null for an event the store holds and the journal does not.
     */
    public record JournaledRow(Long seq, byte[] leafHash, String eventIdentifier, StoredEventRow event) {
    }

    static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.type, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp";
    /**
     * Entries {@code [?, ?)} in seq order, each with its event: the row at the entry's global index if it still holds
     * the entry's event (looked up by primary key), else none.
     */
    public static final String ENTRIES = "SELECT j.seq, j.leaf_hash, j.event_identifier, " + EVENT_COLUMNS
            + " FROM journal_entry j LEFT JOIN domain_event_entry e ON e.global_index = j.global_index "
            + "AND e.event_identifier = j.event_identifier WHERE j.seq >= ? AND j.seq < ? ORDER BY j.seq";
    /**
     * Events at global indexes up to ? (none of those in the array ?) that no entry has, with the reason the journal
     * refused each, if it did: found by comparing the two tables' global-index indexes, not by reading every event.
     */
    public static final String UNJOURNALED = "SELECT " + EVENT_COLUMNS + ", a.reason FROM domain_event_entry e "
            + "LEFT JOIN journal_anomaly a ON a.global_index = e.global_index WHERE e.global_index IN ("
            + "SELECT u.global_index FROM domain_event_entry u WHERE u.global_index <= ? "
            + "AND NOT (u.global_index = ANY(?)) "
            + "AND NOT EXISTS (SELECT 1 FROM journal_entry j WHERE j.global_index = u.global_index)) "
            + "ORDER BY e.global_index";
    /** Rows a streaming read fetches from PostgreSQL at a time. */
    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;

    public JournalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of entries: the next entry's seq. */
    public long size() {
        Long size = jdbc.queryForObject("SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry", Long.class);
        return size == null ? 0 : size;
    }

    /** Events up to this global index were recorded before events were sealed. */
    public long genesis() {
        Long genesis = jdbc.queryForObject("SELECT global_index FROM journal_genesis WHERE id = 1", Long.class);
        return genesis == null ? 0 : genesis;
    }

    /** The stored events with these identifiers, by identifier; absent ones are left out. */
    public Map<String, StoredEventRow> events(Collection<String> eventIdentifiers) {
        Map<String, StoredEventRow> events = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM domain_event_entry e WHERE e.event_identifier = ANY(?)");
            statement.setArray(1, connection.createArrayOf("varchar", eventIdentifiers.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> {
            StoredEventRow row = event(rs);
            events.put(row.eventIdentifier(), row);
        });
        return events;
    }

    /** The seqs of the entries of the events at these global indexes, by global index; unjournaled ones left out. */
    public Map<Long, Long> seqs(Collection<Long> globalIndexes) {
        Map<Long, Long> seqs = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT global_index, seq FROM journal_entry WHERE global_index = ANY(?)");
            statement.setArray(1, connection.createArrayOf("bigint", globalIndexes.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> seqs.put(rs.getLong(1), rs.getLong(2)));
        return seqs;
    }

    /** The right edge of the tree of its first {@code size} entries, from the stored subtrees. */
    public TreeFrontier frontier(long size) {
        if (size == 0) {
            return TreeFrontier.empty();
        }
        List<MerkleTree.Node> edge = MerkleTree.decompose(new MerkleTree.Range(0, size));
        Map<MerkleTree.Node, byte[]> hashes = nodes(edge);
        return TreeFrontier.of(size, edge.stream().map(hashes::get).toList());
    }

    /**
     * The hashes of these perfect subtrees (leaves at level 0).
     *
     * @throws IllegalStateException if one is not stored: the journal is not as large as the caller thinks
     */
    public Map<MerkleTree.Node, byte[]> nodes(Collection<MerkleTree.Node> wanted) {
        List<Long> leaves = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        for (MerkleTree.Node node : wanted) {
            if (node.level() == 0) {
                leaves.add(node.index());
            } else {
                levels.add(node.level());
                indexes.add(node.index());
            }
        }
        Map<MerkleTree.Node, byte[]> found = new HashMap<>();
        if (!leaves.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT seq, leaf_hash FROM journal_entry WHERE seq = ANY(?)");
                statement.setArray(1, connection.createArrayOf("bigint", leaves.toArray()));
                return statement;
            }, (RowCallbackHandler) rs -> found.put(new MerkleTree.Node(0, rs.getLong(1)), rs.getBytes(2)));
        }
        if (!levels.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT n.level, n.idx, n.hash FROM "
                        + "journal_node n JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, idx) USING (level, idx)");
                statement.setArray(1, connection.createArrayOf("smallint", levels.toArray()));
                statement.setArray(2, connection.createArrayOf("bigint", indexes.toArray()));
                return statement;
            }, (RowCallbackHandler) rs -> found.put(new MerkleTree.Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)));
        }
        for (MerkleTree.Node node : wanted) {
            if (!found.containsKey(node)) {
                throw new IllegalStateException("the journal has no " + node);
            }
        }
        return found;
    }

    /** Appends entries, the subtrees they completed and the events refused, in the caller's transaction. */
    public void append(List<Entry> entries, List<TreeFrontier.HashedNode> nodes, List<Anomaly> anomalies,
                       Instant at) {
        Timestamp now = Timestamp.from(at);
        if (!entries.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO journal_entry (seq, global_index, event_identifier, leaf_hash, journaled_at) "
                    + "VALUES (?, ?, ?, ?, ?)", entries, entries.size(), (statement, entry) -> {
                statement.setLong(1, entry.seq());
                statement.setLong(2, entry.globalIndex());
                statement.setString(3, entry.eventIdentifier());
                statement.setBytes(4, entry.leafHash());
                statement.setTimestamp(5, now);
            });
        }
        if (!nodes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO journal_node (level, idx, hash) VALUES (?, ?, ?)", nodes, nodes.size(),
                    (statement, node) -> {
                        statement.setInt(1, node.node().level());
                        statement.setLong(2, node.node().index());
                        statement.setBytes(3, node.hash());
                    });
        }
        if (!anomalies.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO journal_anomaly (global_index, event_identifier, reason, detected_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (global_index) DO NOTHING", anomalies, anomalies.size(),
                    (statement, anomaly) -> {
                        statement.setLong(1, anomaly.globalIndex());
                        statement.setString(2, anomaly.eventIdentifier());
                        statement.setString(3, anomaly.reason());
                        statement.setTimestamp(4, now);
                    });
        }
    }

    /** The events the journal refused, in global-index order. */
    public List<Anomaly> anomalies() {
        return jdbc.query("SELECT global_index, event_identifier, reason FROM journal_anomaly ORDER BY global_index",
                (rs, i) -> new Anomaly(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * Entries {@code [from, to)} in seq order, each with its stored event (null if the store lost it), streamed through
     * a cursor in one transaction. Not marked read-only: the service serves read-only transactions from a read
     * replica when it has one, and the journal is checked where it is written, on the primary.
     */
    @Transactional
    public void entries(long from, long to, Consumer<JournaledRow> row) {
        stream(ENTRIES, new Object[]{from, to}, rs -> row.accept(new JournaledRow(rs.getLong(1), rs.getBytes(2),
                rs.getString(3), rs.getObject("global_index") == null ? null : event(rs))));
    }

    /**
     * Events the store holds and the journal does not, among those the journal has passed: global index at most
     * {@code upTo}, and none of {@code pending} (committed late; the journal will take them).
     */
    @Transactional // on the primary, as entries(...)
    public void unjournaled(long upTo, Collection<Long> pending, Consumer<JournaledRow> row) {
        stream(UNJOURNALED, new Object[]{upTo, pending.toArray(new Long[0])},
                rs -> row.accept(new JournaledRow(null, null, rs.getString("event_identifier"), event(rs))));
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, Object[] parameters, RowConsumer consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = cursor(connection, sql);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long[] values) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", values));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        }, (RowCallbackHandler) consumer::accept);
    }

    /** A forward-only cursor that fetches rows in batches, in binary (bytea as bytes, not hex text to decode). */
    public static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        if (statement.isWrapperFor(PGStatement.class)) {
            // Server-prepared from the first run: only such statements get their rows in binary.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /** The stored event of a row selected with the store's event columns. */
    public static StoredEventRow event(ResultSet rs) throws SQLException {
        return new StoredEventRow(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"), rs.getString("time_stamp"));
    }
}
