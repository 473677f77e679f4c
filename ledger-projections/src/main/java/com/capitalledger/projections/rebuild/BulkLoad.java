package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.projections.eventstore.StoredEvent;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads read-model tables straight from the journal: each event is read and deserialized once, mapped by every
 * selected read model's pure mappings, and the rows are written in batches of thousands. A rebuild does this up to
 * the journal's head, then hands each processor a token at the head (with the gaps it saw), so live processing
 * resumes exactly where the bulk load ended.
 * <p>
 * Each table is loaded in one transaction of its own, on a thread and a connection of its own: it is truncated, its
 * plain (non-unique) indexes are dropped, the rows are copied in, and the indexes are built again from the loaded
 * rows and the table analysed before the commit. PostgreSQL's DDL is transactional, so a load that fails anywhere
 * rolls back to the emptied table with every index in place, and a crash mid-load leaves the same. Unique and
 * primary-key indexes stay: the processors' idempotent inserts rely on them. The transaction holds the table's
 * exclusive lock until it commits; queries on a rebuilding read model answer 503 meanwhile, so none waits on it.
 */
@Service
public class BulkLoad {

    private static final int BATCH_EVENTS = 5_000;
    /** A range worth a reader of its own: its connection and its share of the JIT's and collector's work. */
    private static final int MIN_RANGE = 20_000;
    /** Batches mapped ahead of a table's writer: bounds the memory a slow table can hold up. */
    private static final int BATCHES_AHEAD = 2;
    /** Axon's default window for gaps in the global index that a tracking token still waits for. */
    public static final int GAP_WINDOW = 10_000;
    /** The table's plain indexes (no constraint's), with the statements that build them again. */
    private static final String PLAIN_INDEXES = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE i.indrelid = to_regclass(?) AND NOT i.indisunique AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname""";

    private final EventStoreReader events;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public BulkLoad(EventStoreReader events, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** What a load covered: up to which index, and which indexes within the gap window it did not see. */
    public record Result(long events, long head, List<Long> gaps) {
    }

    /**
     * Loads the tables with every event up to {@code head}, counting the events loaded in {@code done}. A long
     * journal is read in consecutive ranges of global indexes, each by a reader of its own (deserializing and mapping
     * are the costly part, and each range's are independent: rows are keyed by their event's index, and a program's
     * summary comes from its one creation event).
     */
    public Result load(List<TableDerivation<?>> tables, long head, AtomicLong done) {
        return load(tables, head, done, readers(head));
    }

    /**
     * The same with {@code readers} ranges. Each range reports the indexes it did not see within the gap window, so
     * together they report what a single reader would have.
     */
    public Result load(List<TableDerivation<?>> tables, long head, AtomicLong done, int readers) {
        List<Long> bounds = bounds(head, readers);
        ExecutorService pool = Executors.newFixedThreadPool(tables.size() + bounds.size() - 1,
                runnable -> new Thread(runnable, "bulk-load"));
        List<TableWriter<?>> writers = new ArrayList<>();
        tables.forEach(table -> writers.add(new TableWriter<>(table, writers, done)));
        try {
            writers.forEach(writer -> writer.start(pool));
            List<Future<Result>> reads = new ArrayList<>();
            for (int range = 0; range < bounds.size() - 1; range++) {
                long after = bounds.get(range);
                long upTo = bounds.get(range + 1);
                reads.add(pool.submit(() -> events.readAfter(after, journal -> read(journal, writers, after, upTo,
                        head))));
            }
            long loaded = 0;
            List<Long> gaps = new ArrayList<>();
            for (Future<Result> read : reads) {
                Result range = get(read, "reading");
                loaded += range.events();
                gaps.addAll(range.gaps());
            }
            for (TableWriter<?> writer : writers) {
                writer.finish();
            }
            for (TableWriter<?> writer : writers) {
                writer.await();
            }
            done.set(loaded);
            return new Result(loaded, head, List.copyOf(gaps));
        } catch (RuntimeException e) {
            // Every table's transaction rolls back (those already committed are emptied again by the replay that
            // follows a failed load), and the other readers stop.
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
            awaitTermination(pool);
        }
    }

    /** One reader per core, at most four, as long as each reads at least {@value #MIN_RANGE} events. */
    static int readers(long head) {
        long cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(Math.min(cores, 4), head / MIN_RANGE));
    }

    /** The ranges' bounds: range {@code k} holds the indexes after bound {@code k} up to bound {@code k + 1}. */
    static List<Long> bounds(long head, int readers) {
        List<Long> bounds = new ArrayList<>();
        for (int range = 0; range < readers; range++) {
            bounds.add(head * range / readers);
        }
        bounds.add(head);
        return bounds;
    }

    /** Reads the events after {@code after} up to {@code upTo}; the gaps it reports are its own in the window. */
    private static Result read(Stream<StoredEvent> journal, List<TableWriter<?>> writers, long after, long upTo,
                               long head) {
        List<Mapping<?>> mappings = new ArrayList<>();
        writers.forEach(writer -> mappings.add(new Mapping<>(writer)));
        TreeSet<Long> gaps = new TreeSet<>();
        long window = Math.max(after + 1, head - GAP_WINDOW + 1);
        long expected = window;
        long events = 0;
        long batch = 0;
        Iterator<StoredEvent> iterator = journal.iterator();
        while (iterator.hasNext()) {
            StoredEvent event = iterator.next();
            if (event.globalIndex() > upTo) {
                break;
            }
            for (long missing = Math.max(expected, window); missing < event.globalIndex(); missing++) {
                gaps.add(missing);
            }
            expected = event.globalIndex() + 1;
            for (Mapping<?> mapping : mappings) {
                mapping.add(event);
            }
            events++;
            if (++batch == BATCH_EVENTS) {
                for (Mapping<?> mapping : mappings) {
                    mapping.handOff(batch);
                }
                batch = 0;
            }
        }
        for (long missing = Math.max(expected, window); missing <= upTo; missing++) {
            gaps.add(missing);
        }
        for (Mapping<?> mapping : mappings) {
            mapping.handOff(batch);
        }
        return new Result(events, upTo, List.copyOf(gaps));
    }

    private static <T> T get(Future<T> future, String doing) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk load interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulk load failed " + doing, e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("bulk load writers did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A table's rows from a number of events; {@code null} rows end the load. */
    private record Batch<F>(List<F> rows, long events) {
    }

    /** A reader's rows for one table, mapped since its last hand-off. */
    private static final class Mapping<F> {
        private final TableWriter<F> writer;
        private List<F> rows = new ArrayList<>();

        private Mapping(TableWriter<F> writer) {
            this.writer = writer;
        }

        private void add(StoredEvent event) {
            rows.addAll(writer.table.rows().apply(event));
        }

        /** Queues the rows of the last {@code events} events, waiting while the writer is behind. */
        private void handOff(long events) {
            writer.put(new Batch<>(rows, events));
            rows = new ArrayList<>();
        }
    }

    /** One table's load: its rows as they are mapped, and the thread that writes them in one transaction. */
    private final class TableWriter<F> {
        private final TableDerivation<F> table;
        private final List<TableWriter<?>> all;
        private final AtomicLong done;
        private final BlockingQueue<Batch<F>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private final AtomicLong written = new AtomicLong();
        private Future<?> writing;

        private TableWriter(TableDerivation<F> table, List<TableWriter<?>> all, AtomicLong done) {
            this.table = table;
            this.all = all;
            this.done = done;
        }

        private void start(ExecutorService pool) {
            writing = pool.submit(() -> transactions.executeWithoutResult(status -> write()));
        }

        /** Ends the load: the indexes are built and the transaction commits. */
        private void finish() {
            put(new Batch<>(null, 0));
        }

        private void put(Batch<F> batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (writing.isDone()) {
                        await();
                        throw new IllegalStateException("bulk load of " + table.table() + " stopped early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bulk load interrupted", e);
            }
        }

        private void await() {
            try {
                writing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bulk load interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("bulk load failed writing " + table.table(), e.getCause());
            }
        }

        /** Runs in the table's transaction: a failure anywhere rolls back truncation, drops and rows alike. */
        private void write() {
            // A rebuild reports done once its tables are loaded: their commits wait for the disk, whatever the
            // server's default (the processors' own transactions do not).
            jdbc.execute("SET LOCAL synchronous_commit TO ON");
            // The table was emptied by its processor's reset; truncating it in this transaction lets COPY write the
            // rows frozen (no vacuum needed to mark them visible) and drops the deleted rows' dead tuples.
            jdbc.execute("TRUNCATE " + table.table());
            List<String[]> indexes = jdbc.query(PLAIN_INDEXES,
                    (rs, row) -> new String[]{rs.getString(1), rs.getString(2)}, table.table());
            List<String> rebuild = new ArrayList<>();
            for (String[] index : indexes) {
                // Names and definitions come from the catalog, never from input.
                jdbc.execute("DROP INDEX " + index[0]);
                rebuild.add(index[1]);
            }
            while (true) {
                Batch<F> batch = take();
                if (batch.rows() == null) {
                    // Built from the sorted rows at once: far cheaper than maintaining each index row by row.
                    rebuild.forEach(jdbc::execute);
                    // Fresh rows have no planner statistics; autovacuum would add them later, competing with the
                    // queries just after the rebuild. The copied rows are frozen, so they need no VACUUM to be
                    // visible to index-only scans.
                    jdbc.execute("ANALYZE " + table.table());
                    return;
                }
                if (!batch.rows().isEmpty()) {
                    table.write().accept(batch.rows());
                }
                written.addAndGet(batch.events());
                done.accumulateAndGet(all.stream().mapToLong(writer -> writer.written.get()).min().orElse(0),
                        Math::max);
            }
        }

        private Batch<F> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bulk load of " + table.table() + " interrupted", e);
            }
        }
    }
}
