package com.capitalledger.projections.debt;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.rates.api.BaseRateEvent;
import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.Reads;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Records tranches, their lenders, draws, repayments (a waterfall's principal among them) and repricings in
 * {@code debt_movement}, and base-rate fixings in
 * {@code base_rate_fixing}: the facts accruals are computed from. Its own processing group.
 */
@Component
@ProcessingGroup(ReadModel.Names.TRANCHES)
@Reads({DebtEvent.class, BaseRateEvent.class, CashFlowEvent.class})
public class DebtProjection extends MovementProjection {

    public DebtProjection(DebtTables tables, EventOffsets offsets) {
        super(ReadModel.TRANCHES, offsets, RecordedTable.of(tables.movements(), DebtMovements::of),
                RecordedTable.of(tables.fixings(), recorded -> DebtMovements.fixing(recorded).stream().toList()));
    }
}
