package com.capitalledger.projections.fold.checkpoint;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints of facts held in memory in stream order (a what-if's journals, folded at several dates): made on the
 * first fold, one every {@code every} facts; each fold then starts from the latest checkpoint its date and instant
 * may start from ({@link Checkpoints}) and folds the facts after it. The facts never change, so no version is needed.
 */
public final class InMemoryCheckpoints<F extends Fact, S> {

    private final List<F> facts;
    private final Folding<F, S> folding;
    private final int every;
    private Checkpoints<S> checkpoints;

    /** @param facts in stream order (global index, line), not changed afterwards */
    public InMemoryCheckpoints(List<F> facts, Folding<F, S> folding, int every) {
        for (int i = 1; i < facts.size(); i++) {
            Fact before = facts.get(i - 1);
            Fact fact = facts.get(i);
            if (fact.globalIndex() < before.globalIndex()
                    || fact.globalIndex() == before.globalIndex() && fact.line() <= before.line()) {
                throw new IllegalArgumentException("facts out of stream order: " + before.key() + ", " + fact.key());
            }
        }
        this.facts = facts;
        this.folding = folding;
        this.every = every;
    }

    /** The facts effective by {@code at.asOf()} and recorded by {@code at.knownAt()}, folded in stream order. */
    public S fold(Bitemporal at) {
        if (checkpoints == null) {
            List<Versioned<F>> all = new ArrayList<>(facts.size());
            facts.forEach(fact -> all.add(new Versioned<>(fact, 0)));
            checkpoints = Checkpoints.<S>none().extended(all, folding, every);
        }
        Optional<Checkpoint<S>> from = checkpoints.latestFor(at);
        int start = from.map(this::after).orElse(0);
        S state = from.map(checkpoint -> folding.copy(checkpoint.state())).orElseGet(folding::empty);
        for (int i = start; i < facts.size(); i++) {
            F fact = facts.get(i);
            if (at.includes(folding.effectiveDate(fact), folding.recordedAt(fact))) {
                folding.apply(state, fact);
            }
        }
        return state;
    }

    /** The position of the first fact after the checkpoint's last row. */
    private int after(Checkpoint<S> checkpoint) {
        int low = 0;
        int high = facts.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            F fact = facts.get(middle);
            if (checkpoint.covers(fact.globalIndex(), fact.line())) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
