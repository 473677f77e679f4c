package com.capitalledger.projections.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The global index a tracking token gives: its own for an event read in sequence, the highest seen otherwise. The
 * event stream's offsets, not money positions.
 */
public final class TrackingTokens {

    private TrackingTokens() {
    }

    /**
     * The token's global index, unwrapped from a replay or a segment merge. For the JDBC store's gap-aware tokens that
     * is the highest index seen, which is the event's own only when it did not fill a gap: handlers use
     * {@link EventOffsets}; this is right for reading the store from the start, where nothing fills a gap.
     */
    public static long globalIndex(TrackingToken token) {
        TrackingToken event = WrappedToken.unwrapUpperBound(token);
        if (event instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return event.position().orElseThrow(() -> new IllegalStateException("no position in token " + token));
    }

    /**
     * An event's own global index, read in sequence: its token, and the token of the event before it in the same
     * stream. A gap-aware token's index only moves forward; when it did not, the event filled a gap, and its index is
     * the one gap that the previous token had and this one no longer has.
     */
    public static long ownIndex(TrackingToken previous, TrackingToken current) {
        TrackingToken now = WrappedToken.unwrapUpperBound(current);
        TrackingToken before = previous == null ? null : WrappedToken.unwrapUpperBound(previous);
        if (!(now instanceof GapAwareTrackingToken token) || !(before instanceof GapAwareTrackingToken earlier)
                || token.getIndex() > earlier.getIndex()) {
            return globalIndex(current);
        }
        return earlier.getGaps().stream().filter(gap -> !token.getGaps().contains(gap)).findFirst()
                .orElseThrow(() -> new IllegalStateException("token " + current + " neither advances on " + previous
                        + " nor fills one of its gaps"));
    }
}
