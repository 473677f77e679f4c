package com.capitalledger.projections.fold.program;

import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.program.PhaseMovement.Kind;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Maps events to {@link PhaseMovement}s; pure. Each event brings at most one: a phase's creation, a capital call, a
 * tranche's opening or a draw. Of the equity events only a call deploys a phase's budget.
 */
public final class PhaseMovements {

    private PhaseMovements() {
    }

    public static Optional<PhaseMovement> of(Recorded<?> recorded) {
        Object event = recorded.event();
        PhaseMovement movement = null;
        if (event instanceof ProgramStructureEvent structure) {
            movement = structure.accept(new Structure(recorded));
        } else if (event instanceof CapitalCalled e) {
            movement = new PhaseMovement(recorded.globalIndex(), e.programId().value(), Kind.EQUITY_CALLED,
                    e.phaseId().value(), null, null, e.amount().amount(), e.effectiveDate(), recorded.recordedAt());
        } else if (event instanceof DebtEvent debt) {
            movement = debt.accept(new Debt(recorded));
        }
        return Optional.ofNullable(movement);
    }

    private record Structure(Recorded<?> recorded) implements ProgramStructureEvent.Visitor<PhaseMovement> {

        @Override
        public PhaseMovement programCreated(ProgramCreated event) {
            return null;
        }

        @Override
        public PhaseMovement phaseCreated(PhaseCreated e) {
            return new PhaseMovement(recorded.globalIndex(), e.programId().value(), Kind.PHASE_CREATED,
                    e.phaseId().value(), null, e.name(), e.budget().amount(), e.effectiveDate(), recorded.recordedAt());
        }
    }

    private record Debt(Recorded<?> recorded) implements DebtEvent.Visitor<PhaseMovement> {

        @Override
        public PhaseMovement created(TrancheCreated e) {
            return new PhaseMovement(recorded.globalIndex(), e.programId().value(), Kind.TRANCHE_OPENED,
                    e.phaseId().value(), e.trancheId().value(), null, BigDecimal.ZERO.setScale(2), e.effectiveDate(),
                    recorded.recordedAt());
        }

        @Override
        public PhaseMovement drawn(TrancheDrawn e) {
            return new PhaseMovement(recorded.globalIndex(), e.programId().value(), Kind.DEBT_DRAWN, null,
                    e.trancheId().value(), null, e.amount().amount(), e.effectiveDate(), recorded.recordedAt());
        }

        @Override
        public PhaseMovement repaid(TrancheRepaid event) {
            return null;
        }

        @Override
        public PhaseMovement repriced(TrancheRepriced event) {
            return null;
        }
    }
}
