package com.capitalledger.projections.cashflow;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.Reads;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Records the program's operations (terms, repayment schedules, operating cash flows, waterfalls, waivers) in
 * {@code cash_flow_fact}: what the cash-flows and distributions queries and the positions' section-10 figures fold.
 * Its own processing group.
 */
@Component
@ProcessingGroup(ReadModel.Names.CASH_FLOWS)
@Reads(CashFlowEvent.class)
public class CashFlowProjection extends MovementProjection {

    public CashFlowProjection(CashFlowTable table, EventOffsets offsets) {
        super(ReadModel.CASH_FLOWS, offsets,
                RecordedTable.of(table.facts(), recorded -> CashFlowFact.of(recorded).stream().toList()));
    }
}
