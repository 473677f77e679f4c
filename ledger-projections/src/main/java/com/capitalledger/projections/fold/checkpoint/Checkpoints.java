package com.capitalledger.projections.fold.checkpoint;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Fact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints of one program's fold of one table, oldest first, and the rule for starting a query from one.
 * <p>
 * <b>Validity.</b> A query as of date A and as known at instant K folds, in stream order (global index, line), the
 * program's facts F(A, K) = { f : effective(f) &le; A and recorded(f) &le; K }. A checkpoint C folded every fact of the
 * program up to its last row c, S(C) = { f : f &le; c }. C may start the query iff
 * {@code C.latestEffective <= A && C.latestRecorded <= K}: then every f &le; c is in F(A, K), so S(C) is exactly the
 * part of F(A, K) up to c, a prefix in the fold's order, and C's state with the facts of F(A, K) after c folded onto
 * it (in stream order) is the fold of F(A, K). A back-dated fact is no exception: if it comes after c it is in the
 * query's tail (when effective by A); if before, it is in C and raises neither latest. Both latests only grow along
 * the checkpoints, so those a query may start from are a prefix of them, and it takes the last.
 * <p>
 * <b>Freshness.</b> S(C) must still be the program's facts up to c when C is used. A program's facts are added to a
 * table in stream order only (its events are handled in order, one after another; a parked event parks the program's
 * later ones behind it), so no fact is added before c afterwards; a rebuild deletes every row and loads them again,
 * which writes row c again. So a query checks that the row c it reads has the version C recorded
 * ({@link #firstAfter}); if not, C is stale, the program's checkpoints of that table are dropped and the query folds
 * from the first fact. One row proves them all, and the segments {@link #tailEnd} skips: a list is only ever extended
 * from its last checkpoint once that checkpoint's row has been checked, so all of a list's checkpoints come from one
 * writing of the rows, and a rebuild writes every row again.
 */
public final class Checkpoints<S> {

    private static final Checkpoints<?> NONE = new Checkpoints<>(List.of());

    private final List<Checkpoint<S>> list;

    private Checkpoints(List<Checkpoint<S>> list) {
        this.list = List.copyOf(list);
    }

    @SuppressWarnings("unchecked")
    public static <S> Checkpoints<S> none() {
        return (Checkpoints<S>) NONE;
    }

    /** The entries of every checkpoint's state: for a cache's budget. */
    public long entries() {
        return list.stream().mapToLong(c -> 1 + c.entries()).sum();
    }

    /** The last checkpoint a query at {@code at} may start from (see the class comment), if any. */
    public Optional<Checkpoint<S>> latestFor(Bitemporal at) {
        Checkpoint<S> latest = null;
        for (Checkpoint<S> checkpoint : list) {
            if (checkpoint.latestEffective().isAfter(at.asOf()) || checkpoint.latestRecorded().isAfter(at.knownAt())) {
                break;
            }
            latest = checkpoint;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Where a query's facts after {@code from} (empty: the start) may lie before the last checkpoint: up to the
     * returned checkpoint's last row, and then only after the last checkpoint. A checkpoint's segment (the facts after
     * the one before it, up to its own last row) holds none of the query's facts if its earliest effective date is
     * after {@code at.asOf()} or its earliest recording instant after {@code at.knownAt()}; so the tail ends at the
     * last segment that may hold some, and the segments between it and the last checkpoint need not be read. Without
     * this a query's read would scan every later fact for a back-dated one (an index on global index cannot stop at
     * the as-of date). Empty when the tail may run up to the last checkpoint, or there is none.
     */
    public Optional<Checkpoint<S>> tailEnd(Optional<Checkpoint<S>> from, Bitemporal at) {
        int first = from.map(list::indexOf).orElse(-1);
        for (int i = list.size() - 1; i > first; i--) {
            Checkpoint<S> segment = list.get(i);
            if (!segment.earliestEffective().isAfter(at.asOf()) && !segment.earliestRecorded().isAfter(at.knownAt())) {
                return i == list.size() - 1 ? Optional.empty() : Optional.of(segment);
            }
        }
        // No segment after from holds any: read from's own row (its version is checked), then after the last.
        if (from.isPresent()) {
            return first == list.size() - 1 ? Optional.empty() : from;
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The last checkpoint, if any. */
    public Optional<Checkpoint<S>> last() {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** Whether {@code from} (empty: the start) is the last checkpoint, so that the facts after it are all unfolded. */
    public boolean isLast(Optional<Checkpoint<S>> from) {
        return from.isEmpty() ? list.isEmpty() : list.get(list.size() - 1) == from.get();
    }

    /**
     * Where the facts after {@code from} start among {@code rows}, the program's facts from {@code from}'s global
     * index on in stream order (those of the query, or all); -1 if {@code from}'s last row is not among them with the
     * version it had: then the checkpoint is stale (a rebuild wrote the rows again).
     */
    public static <F extends Fact, S> int firstAfter(Checkpoint<S> from, List<Versioned<F>> rows) {
        int at = 0;
        while (at < rows.size() && from.covers(rows.get(at).fact().globalIndex(), rows.get(at).fact().line())
                && !isLastRow(from, rows.get(at).fact())) {
            at++;
        }
        if (at == rows.size() || !isLastRow(from, rows.get(at).fact()) || rows.get(at).version() != from.version()) {
            return -1;
        }
        return at + 1;
    }

    private static boolean isLastRow(Checkpoint<?> checkpoint, Fact fact) {
        return fact.globalIndex() == checkpoint.globalIndex() && fact.line() == checkpoint.line();
    }

    /** The query's fold: {@code from}'s state (or an empty one) with the facts of {@code tail} it includes. */
    public static <F extends Fact, S> S fold(Optional<Checkpoint<S>> from, List<Versioned<F>> tail,
                                            Folding<F, S> folding, Bitemporal at) {
        S state = from.map(checkpoint -> folding.copy(checkpoint.state())).orElseGet(folding::empty);
        for (Versioned<F> row : tail) {
            F fact = row.fact();
            if (at.includes(folding.effectiveDate(fact), folding.recordedAt(fact))) {
                folding.apply(state, fact);
            }
        }
        return state;
    }

    /**
     * These checkpoints and one more after every {@code every} facts of {@code after}: every fact of the program
     * after the last checkpoint (or from the start, if none), whatever its dates, in stream order.
     */
    public <F extends Fact> Checkpoints<S> extended(List<Versioned<F>> after, Folding<F, S> folding, int every) {
        if (after.size() < every) {
            return this;
        }
        Checkpoint<S> last = list.isEmpty() ? null : list.get(list.size() - 1);
        S state = last == null ? folding.empty() : folding.copy(last.state());
        LocalDate latestEffective = last == null ? LocalDate.MIN : last.latestEffective();
        Instant latestRecorded = last == null ? Instant.MIN : last.latestRecorded();
        LocalDate earliestEffective = LocalDate.MAX;
        Instant earliestRecorded = Instant.MAX;
        List<Checkpoint<S>> extended = new ArrayList<>(list);
        for (int i = 0; i < after.size(); i++) {
            F fact = after.get(i).fact();
            if (last != null && last.covers(fact.globalIndex(), fact.line())) {
                throw new IllegalArgumentException("fact " + fact.key() + " is not after the last checkpoint");
            }
            folding.apply(state, fact);
            if (folding.effectiveDate(fact).isAfter(latestEffective)) {
                latestEffective = folding.effectiveDate(fact);
            }
            if (folding.recordedAt(fact).isAfter(latestRecorded)) {
                latestRecorded = folding.recordedAt(fact);
            }
            if (folding.effectiveDate(fact).isBefore(earliestEffective)) {
                earliestEffective = folding.effectiveDate(fact);
            }
            if (folding.recordedAt(fact).isBefore(earliestRecorded)) {
                earliestRecorded = folding.recordedAt(fact);
            }
            if ((i + 1) % every == 0) {
                S kept = folding.copy(state);
                extended.add(new Checkpoint<>(fact.globalIndex(), fact.line(), after.get(i).version(),
                        latestEffective, latestRecorded, earliestEffective, earliestRecorded, kept,
                        folding.entries(kept)));
                earliestEffective = LocalDate.MAX;
                earliestRecorded = Instant.MAX;
            }
        }
        return new Checkpoints<>(extended);
    }
}
