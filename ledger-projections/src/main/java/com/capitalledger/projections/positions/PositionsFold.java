package com.capitalledger.projections.positions;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.debt.DebtMovement;
import com.capitalledger.projections.debt.DebtMovements;
import com.capitalledger.projections.debt.FixingRow;
import com.capitalledger.projections.debt.TranchePositions;
import com.capitalledger.projections.equity.EquityMovement;
import com.capitalledger.projections.equity.EquityMovements;
import com.capitalledger.projections.equity.InvestorPositions;
import com.capitalledger.projections.program.PhaseMovement;
import com.capitalledger.projections.program.PhaseMovements;
import com.capitalledger.projections.program.PhasePositions;
import com.capitalledger.projections.program.ProgramSummary;
import com.capitalledger.projections.support.Bitemporal;
import com.capitalledger.projections.support.Recorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A program's positions folded straight from events in memory, with the same mappings and folds the stored read
 * models use: for what-if replays, consistency checks and tests. Events in stream order.
 */
public final class PositionsFold {

    private PositionsFold() {
    }

    public static Optional<ProgramPositions> positions(List<Recorded<?>> journal, String programId, Bitemporal at) {
        ProgramSummary program = null;
        InvestorPositions equity = new InvestorPositions();
        PhasePositions phases = new PhasePositions();
        List<DebtMovement> debt = new ArrayList<>();
        List<FixingRow> fixings = new ArrayList<>();
        for (Recorded<?> recorded : journal) {
            if (recorded.event() instanceof ProgramCreated created && created.programId().value().equals(programId)
                    && !recorded.recordedAt().isAfter(at.knownAt())) {
                program = ProgramSummary.of(created, recorded.recordedAt());
            }
            for (EquityMovement movement : EquityMovements.of(recorded)) {
                if (movement.programId().equals(programId) && at.includes(movement.effectiveDate(), movement.recordedAt())) {
                    equity.apply(movement);
                }
            }
            for (PhaseMovement movement : PhaseMovements.of(recorded).stream().toList()) {
                if (movement.programId().equals(programId) && at.includes(movement.effectiveDate(), movement.recordedAt())) {
                    phases.apply(movement);
                }
            }
            for (DebtMovement movement : DebtMovements.of(recorded)) {
                if (movement.programId().equals(programId) && at.includes(movement.effectiveDate(), movement.recordedAt())) {
                    debt.add(movement);
                }
            }
            DebtMovements.fixing(recorded).filter(fixing -> !fixing.recordedAt().isAfter(at.knownAt()))
                    .ifPresent(fixings::add);
        }
        if (program == null) {
            return Optional.empty();
        }
        TranchePositions tranches = new TranchePositions();
        List<String> rates = debt.stream().map(DebtMovement::baseRate).filter(Objects::nonNull).distinct().toList();
        fixings.stream().filter(fixing -> rates.contains(fixing.rateName())).forEach(tranches::apply);
        debt.forEach(tranches::apply);
        return Optional.of(ProgramPositions.assemble(program, at, equity, tranches, phases));
    }
}
