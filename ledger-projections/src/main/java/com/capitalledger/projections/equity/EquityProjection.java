package com.capitalledger.projections.equity;

import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.capitalledger.projections.support.Streams.recorded;

/** Records every equity event's movements in {@code equity_movement}; its own processing group. */
@Component
@ProcessingGroup(EquityProjection.PROCESSING_GROUP)
public class EquityProjection {

    public static final String PROCESSING_GROUP = "investor-positions";

    private final EquityMovementTable table;

    public EquityProjection(EquityMovementTable table) {
        this.table = table;
    }

    private void record(Object event, TrackingToken token, Instant recordedAt) {
        EquityMovements.of(recorded(event, token, recordedAt)).forEach(table.facts()::insert);
    }

    @EventHandler
    void on(EquityCommitted event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentIncreased event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentReduced event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentCancelled event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CommitmentTransferred event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
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
