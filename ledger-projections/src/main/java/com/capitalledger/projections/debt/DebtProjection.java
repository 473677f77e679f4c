package com.capitalledger.projections.debt;

import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.projections.ReadModelProjection;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.support.EventPositions;
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
@ProcessingGroup(DebtProjection.PROCESSING_GROUP)
public class DebtProjection extends ReadModelProjection {

    public static final String PROCESSING_GROUP = "tranches";

    private final DebtTables tables;
    private final EventPositions positions;

    public DebtProjection(DebtTables tables, EventPositions positions) {
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
}
