package com.capitalledger.projections.debt;

import java.util.List;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.projections.readmodel.ReadModelProjection;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.eventstore.EventOffsets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Records tranches, their lenders, draws, repayments and repricings in {@code debt_movement}, and base-rate fixings in
 * {@code base_rate_fixing}: the facts accruals are computed from. Its own processing group.
 */
@Component
@ProcessingGroup(ReadModel.Names.TRANCHES)
public class DebtProjection extends ReadModelProjection implements ProjectedReadModel {


    private final DebtTables tables;
    private final EventOffsets positions;

    public DebtProjection(DebtTables tables, EventOffsets positions) {
        this.tables = tables;
        this.positions = positions;
    }

    private void record(Object event, TrackingToken token, Instant recordedAt) {
        DebtMovements.of(positions.recorded(event, token, recordedAt)).forEach(tables.movements()::insert);
    }

    @EventHandler
    void on(TrancheCreated event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(TrancheDrawn event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(TrancheRepaid event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(TrancheRepriced event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(BaseRateFixed event, TrackingToken token, @Timestamp Instant at) {
        DebtMovements.fixing(positions.recorded(event, token, at)).ifPresent(tables.fixings()::insert);
    }

    @ResetHandler
    void reset() {
        tables.movements().deleteAll();
        tables.fixings().deleteAll();
    }

    @Override
    public ReadModel readModel() {
        return ReadModel.TRANCHES;
    }

    @Override
    public List<TableDerivation<?>> tables() {
        return List.of(
                new TableDerivation<>("debt_movement", e -> DebtMovements.of(e.recorded()), tables.movements()::copyAll,
                        m -> m.globalIndex() + "/" + m.line(),
                        (from, to) -> tables.movements().where(TableDerivation.RANGE, from, to), null),
                new TableDerivation<>("base_rate_fixing", e -> DebtMovements.fixing(e.recorded()).stream().toList(),
                        tables.fixings()::copyAll, f -> f.globalIndex() + "/0",
                        (from, to) -> tables.fixings().where(TableDerivation.RANGE, from, to), null));
    }
}
