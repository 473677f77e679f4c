package com.capitalledger.projections.debt;

import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.rates.api.BaseRateEvent;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.support.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Records tranches, their lenders, draws, repayments and repricings in {@code debt_movement}, and base-rate fixings in
 * {@code base_rate_fixing}: the facts accruals are computed from. Its own processing group.
 */
@Component
@ProcessingGroup(ReadModel.Names.TRANCHES)
public class DebtProjection extends MovementProjection {

    public DebtProjection(DebtTables tables, EventPositions positions) {
        super(ReadModel.TRANCHES, positions, List.of(
                RecordedTable.of(tables.movements(), DebtMovements::of,
                        (DebtMovement m) -> m.globalIndex() + "/" + m.line()),
                RecordedTable.of(tables.fixings(), recorded -> DebtMovements.fixing(recorded).stream().toList(),
                        (FixingRow f) -> f.globalIndex() + "/0")));
    }

    @EventHandler
    void on(DebtEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(BaseRateEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }
}
