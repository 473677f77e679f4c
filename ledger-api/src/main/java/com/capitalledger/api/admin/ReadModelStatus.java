package com.capitalledger.api.admin;

import java.time.Instant;

/**
 * A read model's processor as an operator sees it: whether it is live or rebuilding, how far it has read the event
 * stream ({@code position}) against the stream's end ({@code head}), and, during or after a rebuild, its pace and
 * the time it expects to need.
 */
public record ReadModelStatus(String name, String processingGroup, State state, long position, long head,
                              Long eventsDone, Long eventsPerSecond, Long etaSeconds, Instant rebuildStartedAt,
                              Instant rebuildFinishedAt) {

    public enum State { LIVE, REBUILDING, STOPPED }
}
