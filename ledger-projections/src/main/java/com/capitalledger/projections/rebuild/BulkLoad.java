package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.eventstore.StoredEvent;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads read-model tables straight from the journal: each event is read and deserialized once, mapped by every
 * selected read model's pure mappings, and the rows are written in batches of thousands. A rebuild does this up to
 * the journal's head, then hands each processor a token at the head (with the gaps it saw), so live processing
 * resumes exactly where the bulk load ended.
 */
@Service
public class BulkLoad {

    private static final int BATCH_EVENTS = 5_000;
    /** Axon's default window for gaps in the global index that a tracking token still waits for. */
    public static final int GAP_WINDOW = 10_000;

    /** What a load covered: up to which index, and which indexes within the gap window it did not see. */
    public record Result(long events, long head, List<Long> gaps) {
    }

    /**
     * @param journal stored events in global-index order
     * @param head    the last index to load; later events are left to the processors
     * @param done    counts events loaded, for progress reports
     */
    public Result load(Stream<StoredEvent> journal, List<TableDerivation<?>> tables, long head, AtomicLong done) {
        // Reading and mapping overlap with writing: the previous batch is written while this thread reads on, each
        // table on a thread (and a connection) of its own. A profile showed one PostgreSQL backend copying every table
        // in turn as the limit, most of its time on the audit trail's four indexes, with the reader mostly waiting.
        ExecutorService writer = Executors.newFixedThreadPool(tables.size(),
                runnable -> new Thread(runnable, "bulk-load-writer"));
        try {
            return load(journal, tables, head, done, writer);
        } finally {
            writer.shutdown();
        }
    }

    private Result load(Stream<StoredEvent> journal, List<TableDerivation<?>> tables, long head, AtomicLong done,
                        ExecutorService writer) {
        List<Batch<?>> batches = new ArrayList<>();
        tables.forEach(table -> batches.add(new Batch<>(table)));
        Future<?> writing = CompletableFuture.completedFuture(null);
        TreeSet<Long> gaps = new TreeSet<>();
        long expected = Math.max(1, head - GAP_WINDOW + 1);
        long events = 0;
        Iterator<StoredEvent> iterator = journal.iterator();
        while (iterator.hasNext()) {
            StoredEvent event = iterator.next();
            if (event.globalIndex() > head) {
                break;
            }
            for (long missing = Math.max(expected, head - GAP_WINDOW + 1); missing < event.globalIndex(); missing++) {
                gaps.add(missing);
            }
            expected = event.globalIndex() + 1;
            batches.forEach(batch -> batch.add(event));
            events++;
            if (events % BATCH_EVENTS == 0) {
                writing = handOff(writing, batches, writer, done, events);
            }
        }
        for (long missing = Math.max(expected, head - GAP_WINDOW + 1); missing <= head; missing++) {
            gaps.add(missing);
        }
        await(handOff(writing, batches, writer, done, events));
        return new Result(events, head, List.copyOf(gaps));
    }

    /**
     * Waits for the previous batch's writes (at most one batch is in flight, so each table's rows go in in order),
     * then starts writing what has been mapped since, every table at once.
     */
    private static Future<?> handOff(Future<?> previous, List<Batch<?>> batches, ExecutorService writer,
                                     AtomicLong done, long events) {
        await(previous);
        CompletableFuture<?>[] writes = batches.stream()
                .map(batch -> CompletableFuture.runAsync(batch.drain(), writer)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(writes).thenRun(() -> done.set(events));
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk load interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulk load failed writing", e.getCause());
        }
    }

    private static final class Batch<F> {
        private final TableDerivation<F> table;
        private final List<F> rows = new ArrayList<>();

        private Batch(TableDerivation<F> table) {
            this.table = table;
        }

        private void add(StoredEvent event) {
            rows.addAll(table.rows().apply(event));
        }

        /** The rows mapped so far, taken out of this batch, as a write to run. */
        private Runnable drain() {
            List<F> taken = new ArrayList<>(rows);
            rows.clear();
            return () -> {
                if (!taken.isEmpty()) {
                    table.write().accept(taken);
                }
            };
        }
    }
}
