package com.capitalledger.projections.support;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.time.Instant;

/** Helpers for event handlers that record facts with their place in the global event stream. */
public final class Streams {

    private Streams() {
    }

    /** The event's global index: the JDBC event store's token, unwrapped from a replay or a segment merge. */
    public static long globalIndex(TrackingToken token) {
        TrackingToken event = WrappedToken.unwrapUpperBound(token);
        if (event instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return event.position().orElseThrow(() -> new IllegalStateException("no position in token " + token));
    }

    public static <E> Recorded<E> recorded(E event, TrackingToken token, Instant recordedAt) {
        return new Recorded<>(event, globalIndex(token), recordedAt);
    }
}
