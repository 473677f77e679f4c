package com.capitalledger.projections.positions;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Fact;
import com.capitalledger.projections.fold.checkpoint.Checkpoint;
import com.capitalledger.projections.fold.checkpoint.Checkpoints;
import com.capitalledger.projections.fold.checkpoint.Folding;
import com.capitalledger.projections.fold.checkpoint.Versioned;
import com.capitalledger.projections.support.FactTable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each program's checkpoints of the position folds, in this node's memory: a query folds the latest checkpoint its
 * date and instant may start from and the program's facts after it ({@link Checkpoints} states the rule), so that
 * its cost stays flat as the program's history grows. Queries make them: one that starts from the last checkpoint
 * (or from nothing) reads every fact after it, whatever its dates, and once those are {@value #EVERY} or more folds
 * them into new checkpoints too. In memory, not in a table: nothing to maintain on the command path or in a rebuild,
 * and each node's are proven fresh against the rows it reads (the last row's version), whichever node wrote them.
 * The least recently used programs' are dropped beyond a budget of an eighth of the heap.
 */
@Component
public class PositionCheckpoints {

    /** Facts between two checkpoints: about what a query folds after one, when facts come in date order. */
    static final int EVERY = 512;
    /** Roughly what a state's entry costs: a tree map's entry (keys and values are shared with the rows read). */
    private static final long BYTES_PER_ENTRY = 48;

    private record Key(String table, String programId) {
    }

    private final long budget;
    private final Map<Key, Checkpoints<?>> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long entries;
    /** Folds that started from a checkpoint, for tests and the benchmark's report. */
    private final AtomicLong started = new AtomicLong();

    public PositionCheckpoints() {
        this(Runtime.getRuntime().maxMemory() / 8 / BYTES_PER_ENTRY);
    }

    /** @param budget the entries kept at most, over every program's checkpoints */
    PositionCheckpoints(long budget) {
        this.budget = budget;
    }

    /** How a table's rows are read: {@link FactTable#from}. */
    @FunctionalInterface
    interface Rows<F> {
        List<Versioned<F>> from(String programId, long fromIndex, long toIndex, Bitemporal at);
    }

    /** One program's facts of {@code table} effective by {@code at.asOf()} and known at {@code at.knownAt()}, folded. */
    public <F extends Fact, S> S fold(FactTable<F> table, Folding<F, S> folding, String programId, Bitemporal at) {
        return fold(table.name(), table::from, folding, programId, at);
    }

    <F extends Fact, S> S fold(String table, Rows<F> rows, Folding<F, S> folding, String programId, Bitemporal at) {
        Key key = new Key(table, programId);
        Checkpoints<S> checkpoints = get(key);
        Optional<S> folded = fold(key, checkpoints, rows, folding, at);
        if (folded.isPresent()) {
            return folded.get();
        }
        // Stale: a rebuild wrote the rows again since the checkpoint was made. Start over from the first fact.
        drop(key, checkpoints);
        return fold(key, Checkpoints.none(), rows, folding, at).orElseThrow();
    }

    private <F extends Fact, S> Optional<S> fold(Key key, Checkpoints<S> checkpoints, Rows<F> table,
                                                 Folding<F, S> folding, Bitemporal at) {
        Optional<Checkpoint<S>> from = checkpoints.latestFor(at);
        // After the last checkpoint every fact is read, to fold into the next ones; before it, the query's only.
        boolean last = checkpoints.isLast(from);
        long fromIndex = from.map(Checkpoint::globalIndex).orElse(Long.MIN_VALUE);
        Optional<Checkpoint<S>> end = last ? Optional.empty() : checkpoints.tailEnd(from, at);
        List<Versioned<F>> rows;
        if (end.isEmpty()) {
            rows = table.from(key.programId(), fromIndex, Long.MAX_VALUE, last ? null : at);
        } else {
            // Up to the end of the tail, then after the last checkpoint: the segments between hold none of it.
            Checkpoint<S> tailEnd = end.get();
            Checkpoint<S> lastCheckpoint = checkpoints.last().orElseThrow();
            rows = new ArrayList<>();
            for (Versioned<F> row : table.from(key.programId(), fromIndex, tailEnd.globalIndex(), at)) {
                if (tailEnd.covers(row.fact().globalIndex(), row.fact().line())) {
                    rows.add(row);
                }
            }
            for (Versioned<F> row : table.from(key.programId(), lastCheckpoint.globalIndex(), Long.MAX_VALUE, at)) {
                if (!lastCheckpoint.covers(row.fact().globalIndex(), row.fact().line())) {
                    rows.add(row);
                }
            }
        }
        int first = from.map(checkpoint -> Checkpoints.firstAfter(checkpoint, rows)).orElse(0);
        if (first < 0) {
            return Optional.empty();
        }
        if (from.isPresent()) {
            started.incrementAndGet();
        }
        List<Versioned<F>> tail = rows.subList(first, rows.size());
        if (last && tail.size() >= EVERY) {
            put(key, checkpoints.extended(tail, folding, EVERY));
        }
        return Optional.of(Checkpoints.fold(from, tail, folding, at));
    }

    @SuppressWarnings("unchecked")
    private synchronized <S> Checkpoints<S> get(Key key) {
        Checkpoints<?> checkpoints = cache.get(key);
        return checkpoints == null ? Checkpoints.none() : (Checkpoints<S>) checkpoints;
    }

    /** Two queries may extend at once: either's are valid, each proven against the rows when used. */
    private synchronized void put(Key key, Checkpoints<?> checkpoints) {
        Checkpoints<?> previous = cache.put(key, checkpoints);
        entries += checkpoints.entries() - (previous == null ? 0 : previous.entries());
        Iterator<Checkpoints<?>> eldest = cache.values().iterator();
        while (entries > budget && eldest.hasNext()) {
            entries -= eldest.next().entries();
            eldest.remove();
        }
    }

    private synchronized void drop(Key key, Checkpoints<?> stale) {
        if (cache.get(key) == stale) {
            cache.remove(key);
            entries -= stale.entries();
        }
    }

    public long started() {
        return started.get();
    }

    /** Entries held over every program, for tests and the benchmark's report. */
    public synchronized long entries() {
        return entries;
    }
}
