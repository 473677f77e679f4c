package com.capitalledger.api.consistency;

import com.capitalledger.api.admin.ProcessorTokens;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: waits until read models have applied the events up to a ledger position (a command's
 * {@code Ledger-Position}), as the shared token store records it, so it holds on whichever node asks. A processor has
 * applied position p once every segment's token has passed p and does not list p among the events it still waits for
 * (a gap: an event committed later than ones after it). Events before p that are still in flight elsewhere are not
 * waited for: a rolled-back append leaves a gap for good, and waiting on it would stall every query.
 */
public class ReadModelPositions {

    private static final long MAX_PAUSE_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final ProcessorTokens tokens;
    private final Duration timeout;

    public ReadModelPositions(JdbcTemplate jdbc, ProcessorTokens tokens, Duration timeout) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /**
     * Returns once every segment of these processors has applied {@code position}.
     *
     * @throws ReadModelBehind if they have not within the consistency timeout, naming the first still behind
     * @throws UnknownPosition if no event has this position yet (a position the ledger never gave)
     */
    public void await(long position, Collection<String> processingGroups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        for (int check = 0; ; check++) {
            String behind = firstBehind(position, processingGroups);
            if (behind == null) {
                return;
            }
            if (check == 0) {
                Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
                if (head == null || position > head) {
                    throw new UnknownPosition(position, head == null ? -1 : head);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ReadModelBehind(behind, position, timeout);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind(behind, position, timeout);
            }
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    /** The first of these processing groups with a segment that has not applied the position, or null. */
    private String firstBehind(long position, Collection<String> processingGroups) {
        List<ProcessorTokens.Segment> segments = tokens.of(processingGroups);
        for (String group : processingGroups) {
            List<ProcessorTokens.Segment> own = segments.stream()
                    .filter(segment -> segment.processingGroup().equals(group)).toList();
            if (own.isEmpty() || !own.stream().allMatch(segment -> applied(segment.token(), position))) {
                return group;
            }
        }
        return null;
    }

    private static boolean applied(TrackingToken stored, long position) {
        if (stored == null) {
            return false;
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(stored);
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }
}
