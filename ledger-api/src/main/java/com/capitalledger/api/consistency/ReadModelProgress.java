package com.capitalledger.api.consistency;

import com.capitalledger.projections.processing.ProcessorTokens;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: how far read models have applied the event stream. Waits until they have applied the events up to
 * a ledger position, a stream offset (a command's {@code Ledger-Position}), as the shared token store records it, so
 * it holds on whichever node asks. A processor has applied position p once every segment's token has passed p and
 * does not list p among the events it still waits for (a gap: an event committed later than ones after it). Events
 * before p that are still in flight elsewhere are not waited for: a rolled-back append leaves a gap for good, and
 * waiting on it would stall every query.
 * <p>
 * With a read replica the tokens are read where the queries read, in a read-only transaction: the replica's tokens,
 * as replicated with the read models' rows, so a position the primary has applied but the replica has not yet
 * replayed is waited for, and answered 503 {@code READ_MODEL_BEHIND} if it stays behind. Whether a position exists at
 * all is asked of the primary: the replica may not have its event yet.
 */
public class ReadModelProgress {

    private static final long MAX_PAUSE_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final ProcessorTokens tokens;
    private final Duration timeout;
    private final TransactionOperations tokenReads;

    /**
     * @param jdbc       the primary (used outside transactions)
     * @param tokenReads how to read the tokens: as the queries read (a read-only transaction on a replica), or as is
     */
    public ReadModelProgress(JdbcTemplate jdbc, ProcessorTokens tokens, Duration timeout,
                             TransactionOperations tokenReads) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.timeout = timeout;
        this.tokenReads = tokenReads;
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
        Integer sequence = null;
        for (int check = 0; ; check++) {
            String behind = firstBehind(position, sequence, processingGroups);
            if (behind == null) {
                return;
            }
            if (check == 0) {
                Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
                if (head == null || position > head) {
                    throw new UnknownPosition(position, head == null ? -1 : head);
                }
                sequence = sequenceOf(position);
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

    /**
     * The hash by which processors assign the event at this position to a segment: that of its aggregate (Axon's
     * sequential-per-aggregate policy), or null when no event has it (a gap).
     */
    private Integer sequenceOf(long position) {
        List<String> aggregate = jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?", String.class, position);
        return aggregate.isEmpty() ? null : Objects.hashCode(aggregate.get(0));
    }

    /**
     * The first of these processing groups with a segment that has not applied the position, or null. Only the segment
     * the event belongs to must have passed it, when that is known: another segment stores its token past events it
     * does not handle only when it next handles one of its own or extends its claim (every few seconds).
     */
    private String firstBehind(long position, Integer sequence, Collection<String> processingGroups) {
        List<ProcessorTokens.Segment> segments = tokenReads.execute(transaction -> tokens.of(processingGroups));
        for (String group : processingGroups) {
            List<ProcessorTokens.Segment> own = segments.stream()
                    .filter(segment -> segment.processingGroup().equals(group)).toList();
            int[] ids = own.stream().mapToInt(ProcessorTokens.Segment::segment).toArray();
            if (own.isEmpty() || !own.stream()
                    .filter(segment -> sequence == null || Segment.computeSegment(segment.segment(), ids).matches(sequence))
                    .allMatch(segment -> applied(segment.token(), position))) {
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
