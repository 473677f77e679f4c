package com.capitalledger.projections.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import static com.capitalledger.projections.support.Streams.globalIndex;

/** Writes one audit line per accepted event, with the metadata of the request that caused it. Its own group. */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    private final AuditTrail trail;

    public AuditProjection(AuditTrail trail) {
        this.trail = trail;
    }

    /** Every event is audited, whatever its type. */
    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        trail.recordAccepted(AuditEntries.accepted(message.getIdentifier(), globalIndex(token), event,
                message.getTimestamp(), message.getMetaData()));
    }

    @ResetHandler
    void reset() {
        trail.deleteAccepted();
    }
}
