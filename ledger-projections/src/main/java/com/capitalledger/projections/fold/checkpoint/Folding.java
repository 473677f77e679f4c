package com.capitalledger.projections.fold.checkpoint;

import com.capitalledger.projections.fold.Fact;

import java.time.Instant;
import java.time.LocalDate;

/** How one read model folds its facts, as {@link Checkpoints} need it: a state to start from, copy and move on. */
public interface Folding<F extends Fact, S> {

    S empty();

    /** An independent copy: a checkpoint's state is never moved itself. */
    S copy(S state);

    void apply(S state, F fact);

    LocalDate effectiveDate(F fact);

    Instant recordedAt(F fact);

    /** Entries the state holds, roughly what a copy costs in memory: for a cache's budget. */
    int entries(S state);
}
