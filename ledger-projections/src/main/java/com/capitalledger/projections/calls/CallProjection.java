package com.capitalledger.projections.calls;

import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.projections.ReadModelProjection;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.support.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records capital calls, their allocations and defaults in {@code call_movement}; its own processing group. */
@Component
@ProcessingGroup(CallProjection.PROCESSING_GROUP)
public class CallProjection extends ReadModelProjection {

    public static final String PROCESSING_GROUP = "capital-calls";

    private final CallMovementTable table;
    private final EventPositions positions;

    public CallProjection(CallMovementTable table, EventPositions positions) {
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
}
