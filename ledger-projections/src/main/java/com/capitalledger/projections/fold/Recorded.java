package com.capitalledger.projections.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event as the read models see it: its payload, its position in the global stream and when it was recorded.
 * The instant is kept to the millisecond, the precision at which Axon's JDBC engine stores event timestamps, so a fold
 * in memory and a fold of stored rows agree.
 */
public record Recorded<E>(E event, long globalIndex, Instant recordedAt) {

    public Recorded {
        Objects.requireNonNull(event, "event");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
