package com.capitalledger.projections.calls;

import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.fold.calls.CallMovement;
import com.capitalledger.projections.fold.calls.CallMovements;
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
 * Records capital calls, their allocations and defaults in {@code call_movement}; its own processing group. It takes
 * every equity event; the mapping keeps the calls' and their defaults'.
 */
@Component
@ProcessingGroup(ReadModel.Names.CAPITAL_CALLS)
public class CallProjection extends MovementProjection {

    public CallProjection(CallMovementTable table, EventPositions positions) {
        super(ReadModel.CAPITAL_CALLS, positions, List.of(RecordedTable.of(table.facts(), CallMovements::of,
                (CallMovement m) -> m.globalIndex() + "/" + m.line())));
    }

    @EventHandler
    void on(EquityEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }
}
