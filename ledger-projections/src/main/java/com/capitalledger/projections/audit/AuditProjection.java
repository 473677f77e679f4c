package com.capitalledger.projections.audit;

import com.capitalledger.projections.fold.audit.AuditEntries;
import com.capitalledger.projections.support.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Writes one audit line per event of the store, accepted events and refusals ({@code CommandRejected}) alike, with the
 * metadata of the request that caused it; a rebuild therefore restores refusals too. Its own group.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    private final AuditTrail trail;
    private final EventPositions positions;

    public AuditProjection(AuditTrail trail, EventPositions positions) {
        this.trail = trail;
        this.positions = positions;
    }

    /** Every event is audited, whatever its type. */
    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        trail.record(AuditEntries.of(message.getIdentifier(), positions.of(token), event, message.getTimestamp(),
                message.getMetaData()));
    }

    @ResetHandler
    void reset() {
        trail.deleteRebuildable();
    }
}
