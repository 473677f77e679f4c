package com.capitalledger.projections.fold.checkpoint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One program's fold of one table, after every fact of that program up to and including the row
 * ({@code globalIndex}, {@code line}), whatever its dates, in stream order; {@code version} is that last row's (see
 * {@link Versioned}). {@code latestEffective} and {@code latestRecorded} are the latest effective date and recording
 * instant among all the facts folded: which queries may start from it ({@link Checkpoints#latestFor}).
 * {@code earliestEffective} and {@code earliestRecorded} are the earliest among the facts after the checkpoint before
 * it alone (its segment): which queries need none of them ({@link Checkpoints#tailEnd}).
 */
public record Checkpoint<S>(long globalIndex, int line, long version, LocalDate latestEffective,
                            Instant latestRecorded, LocalDate earliestEffective, Instant earliestRecorded, S state,
                            int entries) {

    /** Whether the fact is at or before this checkpoint's last row in stream order. */
    public boolean covers(long factIndex, int factLine) {
        return factIndex < globalIndex || factIndex == globalIndex && factLine <= line;
    }
}
