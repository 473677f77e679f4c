package com.capitalledger.projections.calls;

import java.util.List;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.projections.readmodel.ReadModelProjection;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.eventstore.EventOffsets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records capital calls, their allocations and defaults in {@code call_movement}; its own processing group. */
@Component
@ProcessingGroup(ReadModel.Names.CAPITAL_CALLS)
public class CallProjection extends ReadModelProjection implements ProjectedReadModel {


    private final CallMovementTable table;
    private final EventOffsets positions;

    public CallProjection(CallMovementTable table, EventOffsets positions) {
        this.table = table;
        this.positions = positions;
    }

    private void record(Object event, TrackingToken token, Instant recordedAt) {
        CallMovements.of(positions.recorded(event, token, recordedAt)).forEach(table.facts()::insert);
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
        return ReadModel.CAPITAL_CALLS;
    }

    @Override
    public List<TableDerivation<?>> tables() {
        return List.of(new TableDerivation<>("call_movement", e -> CallMovements.of(e.recorded()),
                table.facts()::copyAll, m -> m.globalIndex() + "/" + m.line(),
                (from, to) -> table.facts().where(TableDerivation.RANGE, from, to), null));
    }
}
