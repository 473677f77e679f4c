package com.capitalledger.projections.calls;

import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.Reads;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Records capital calls, their allocations and defaults in {@code call_movement}; its own processing group. It takes
 * every equity event; the mapping keeps the calls' and their defaults'.
 */
@Component
@ProcessingGroup(ReadModel.Names.CAPITAL_CALLS)
@Reads(EquityEvent.class)
public class CallProjection extends MovementProjection {

    public CallProjection(CallMovementTable table, EventOffsets offsets) {
        super(ReadModel.CAPITAL_CALLS, offsets, RecordedTable.of(table.facts(), CallMovements::of));
    }
}
