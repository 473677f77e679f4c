package com.capitalledger.projections.equity;

import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.Reads;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Records every equity event's movements in {@code equity_movement}; its own processing group. */
@Component
@ProcessingGroup(ReadModel.Names.INVESTOR_POSITIONS)
@Reads(EquityEvent.class)
public class EquityProjection extends MovementProjection {

    public EquityProjection(EquityMovementTable table, EventOffsets offsets) {
        super(ReadModel.INVESTOR_POSITIONS, offsets, RecordedTable.of(table.facts(), EquityMovements::of));
    }
}
