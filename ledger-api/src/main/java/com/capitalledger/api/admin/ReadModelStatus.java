package com.capitalledger.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * A read model's processor as an operator sees it, the same on every node: whether it is live (every segment
 * claimed by some node), rebuilding or stopped, how far it has read the event stream ({@code position}, its slowest
 * segment) against the stream's end ({@code head}), each segment with the node that holds it, how many events it has
 * parked because its handlers failed on them ({@code parkedEvents}: those events and every later event of the same
 * program wait in the dead-letter queue, while other programs carry on), and, during or after a rebuild, the node
 * that ran it, its pace and the time it expects to need.
 */
public record ReadModelStatus(String name, String processingGroup, State state, long position, long head,
                              List<SegmentStatus> segments, long parkedEvents, String rebuildNode, Long eventsDone, Long eventsPerSecond,
                              Long etaSeconds, Instant rebuildStartedAt, Instant rebuildFinishedAt) {

    public enum State { LIVE, REBUILDING, STOPPED }

    /** One segment of the read model's processor: its position and the node holding its claim (none if unclaimed). */
    public record SegmentStatus(int segment, long position, String node) {
    }
}
