package com.capitalledger.projections.fold.program;

import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.program.PhaseMovement.Kind;

import java.math.BigDecimal;
import java.util.Optional;

/** Maps events to {@link PhaseMovement}s; pure. Each event brings at most one. */
public final class PhaseMovements {

    private PhaseMovements() {
    }

    public static Optional<PhaseMovement> of(Recorded<?> recorded) {
        long index = recorded.globalIndex();
        Object event = recorded.event();
        PhaseMovement movement = null;
        if (event instanceof PhaseCreated e) {
            movement = new PhaseMovement(index, e.programId().value(), Kind.PHASE_CREATED, e.phaseId().value(), null,
                    e.name(), e.budget().amount(), e.effectiveDate(), recorded.recordedAt());
        } else if (event instanceof CapitalCalled e) {
            movement = new PhaseMovement(index, e.programId().value(), Kind.EQUITY_CALLED, e.phaseId().value(), null,
                    null, e.amount().amount(), e.effectiveDate(), recorded.recordedAt());
        } else if (event instanceof TrancheCreated e) {
            movement = new PhaseMovement(index, e.programId().value(), Kind.TRANCHE_OPENED, e.phaseId().value(),
                    e.trancheId().value(), null, BigDecimal.ZERO.setScale(2), e.effectiveDate(), recorded.recordedAt());
        } else if (event instanceof TrancheDrawn e) {
            movement = new PhaseMovement(index, e.programId().value(), Kind.DEBT_DRAWN, null, e.trancheId().value(),
                    null, e.amount().amount(), e.effectiveDate(), recorded.recordedAt());
        }
        return Optional.ofNullable(movement);
    }
}
