package com.capitalledger.projections.eventstore;

import com.capitalledger.projections.fold.Recorded;

import java.time.Instant;
import java.util.Map;

/** An event as read back from the event store, with what the audit trail needs besides the payload. */
public record StoredEvent(String eventId, long globalIndex, Object payload, Instant recordedAt,
                           Map<String, ?> metadata) {

    public Recorded<Object> recorded() {
        return new Recorded<>(payload, globalIndex, recordedAt);
    }
}
