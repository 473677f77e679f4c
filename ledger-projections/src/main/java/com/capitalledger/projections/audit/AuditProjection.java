package com.capitalledger.projections.audit;

import java.util.List;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.projections.fold.audit.AuditEntries;
import com.capitalledger.projections.eventstore.EventOffsets;
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
@ProcessingGroup(ReadModel.Names.AUDIT_TRAIL)
public class AuditProjection implements ProjectedReadModel {


    private final AuditTrail trail;
    private final EventOffsets offsets;

    public AuditProjection(AuditTrail trail, EventOffsets offsets) {
        this.trail = trail;
        this.offsets = offsets;
    }

    /** Every event is audited, whatever its type. */
    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        trail.record(AuditEntries.of(message.getIdentifier(), offsets.of(token), event, message.getTimestamp(),
                message.getMetaData()));
    }

    @ResetHandler
    void reset() {
        trail.deleteRebuildable();
    }

    @Override
    public ReadModel readModel() {
        return ReadModel.AUDIT_TRAIL;
    }

    @Override
    public List<TableDerivation<?>> tables() {
        return List.of(new TableDerivation<>("audit_entry", e -> List.of(AuditEntries.of(e.eventId(), e.globalIndex(),
                e.payload(), e.recordedAt(), e.metadata())), trail::copy, a -> a.position() + "/0",
                trail::between, null));
    }
}
