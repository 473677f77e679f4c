package com.capitalledger.projections.rebuild;

import java.time.Duration;
import java.time.Instant;

/** A read model's latest rebuild, as the {@code read_model_rebuild} table every node shares holds it. */
public record Rebuild(String readModel, String node, Instant startedAt, long head, long loaded, boolean handedOver,
                      Instant finishedAt, Instant heartbeat) {

    /** A rebuilding node refreshes its heartbeat every second; after this long without one, its rebuild is taken over. */
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    public boolean inProgress() {
        return finishedAt == null;
    }

    /** Whether its node has not beaten for {@link #ABANDONED_AFTER}. */
    public boolean abandoned(Instant now) {
        return heartbeat.plus(ABANDONED_AFTER).isBefore(now);
    }
}
