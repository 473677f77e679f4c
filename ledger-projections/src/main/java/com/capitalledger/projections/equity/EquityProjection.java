package com.capitalledger.projections.equity;

import java.util.List;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.projections.readmodel.ReadModelProjection;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.eventstore.EventOffsets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records every equity event's movements in {@code equity_movement}; its own processing group. */
@Component
@ProcessingGroup(ReadModel.Names.INVESTOR_POSITIONS)
public class EquityProjection extends ReadModelProjection implements ProjectedReadModel {


    private final EquityMovementTable table;
    private final EventOffsets positions;

    public EquityProjection(EquityMovementTable table, EventOffsets positions) {
        this.table = table;
        this.positions = positions;
    }

    private void record(Object event, TrackingToken token, Instant recordedAt) {
        EquityMovements.of(positions.recorded(event, token, recordedAt)).forEach(table.facts()::insert);
    }

    @EventHandler
    void on(EquityCommitted event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentIncreased event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentReduced event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentCancelled event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentTransferred event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CapitalCalled event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CallDefaultRecorded event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CallDefaultCured event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @ResetHandler
    void reset() {
        table.facts().deleteAll();
    }

    @Override
    public ReadModel readModel() {
        return ReadModel.INVESTOR_POSITIONS;
    }

    @Override
    public List<TableDerivation<?>> tables() {
        return List.of(new TableDerivation<>("equity_movement", e -> EquityMovements.of(e.recorded()),
                table.facts()::copyAll, m -> m.globalIndex() + "/" + m.line(),
                (from, to) -> table.facts().where(TableDerivation.RANGE, from, to), null));
    }
}
