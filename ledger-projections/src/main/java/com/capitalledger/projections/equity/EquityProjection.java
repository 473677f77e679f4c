package com.capitalledger.projections.equity;

import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.EquityMovements;
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

/** Records every equity event's movements in {@code equity_movement}; its own processing group. */
@Component
@ProcessingGroup(ReadModel.Names.INVESTOR_POSITIONS)
public class EquityProjection extends MovementProjection {

    public EquityProjection(EquityMovementTable table, EventPositions positions) {
        super(ReadModel.INVESTOR_POSITIONS, positions, List.of(RecordedTable.of(table.facts(), EquityMovements::of,
                (EquityMovement m) -> m.globalIndex() + "/" + m.line())));
    }

    @EventHandler
    void on(EquityEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }
}
