package com.capitalledger.projections.fold.positions;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.fold.cashflow.CashFlows;
import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.fold.program.PhasePositions;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.fold.returns.Returns;
import com.capitalledger.projections.fold.returns.ReturnsView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A program's positions, and its cash-flows document, folded straight from events in memory, with the same mappings
 * and folds the stored read models use: for what-if replays, consistency checks and tests. The events are mapped to the
 * read models' facts once; positions at any number of dates are then folded from those facts.
 */
public final class PositionsFold {

    private final ProgramSummary program;
    private final List<EquityMovement> equity = new ArrayList<>();
    private final List<PhaseMovement> phases = new ArrayList<>();
    private final List<DebtMovement> debt = new ArrayList<>();
    private final List<FixingRow> fixings = new ArrayList<>();
    private final List<CashFlowFact> cashFlows = new ArrayList<>();

    private PositionsFold(List<Recorded<?>> journal, String programId) {
        ProgramSummary created = null;
        for (Recorded<?> recorded : journal) {
            if (recorded.event() instanceof ProgramCreated event && event.programId().value().equals(programId)) {
                created = ProgramSummary.of(event, recorded.recordedAt());
            }
            EquityMovements.of(recorded).stream().filter(m -> m.programId().equals(programId)).forEach(equity::add);
            PhaseMovements.of(recorded).filter(m -> m.programId().equals(programId)).ifPresent(phases::add);
            DebtMovements.of(recorded).stream().filter(m -> m.programId().equals(programId)).forEach(debt::add);
            DebtMovements.fixing(recorded).ifPresent(fixings::add);
            CashFlowFact.of(recorded).filter(f -> f.programId().equals(programId)).ifPresent(cashFlows::add);
        }
        program = created;
    }

    /** @param journal events in stream order */
    public static PositionsFold of(List<Recorded<?>> journal, String programId) {
        return new PositionsFold(journal, programId);
    }

    public static Optional<ProgramPositions> positions(List<Recorded<?>> journal, String programId, Bitemporal at) {
        return of(journal, programId).at(at);
    }

    /** The positions as of the date and as known at the instant; empty if the program was not known then. */
    public Optional<ProgramPositions> at(Bitemporal at) {
        if (!known(at)) {
            return Optional.empty();
        }
        CurrencyCode currency = new CurrencyCode(program.currency());
        InvestorPositions investors = new InvestorPositions(currency);
        equity.stream().filter(m -> at.includes(m.effectiveDate(), m.recordedAt())).forEach(investors::apply);
        PhasePositions phasePositions = new PhasePositions(currency);
        phases.stream().filter(m -> at.includes(m.effectiveDate(), m.recordedAt())).forEach(phasePositions::apply);
        TranchePositions tranches = TranchePositions.of(currency,
                debt.stream().filter(m -> at.includes(m.effectiveDate(), m.recordedAt())).toList(),
                rates -> fixings.stream().filter(fixing -> !fixing.recordedAt().isAfter(at.knownAt()))
                        .filter(fixing -> rates.contains(fixing.rateName())).toList());
        return Optional.of(ProgramPositions.assemble(program, at, investors, tranches, phasePositions,
                cashFlowsAt(at)));
    }

    /** The cash-flows document as of the date and as known at the instant; empty if the program was not known then. */
    public Optional<CashFlowsView> cashFlows(Bitemporal at) {
        if (!known(at)) {
            return Optional.empty();
        }
        return Optional.of(cashFlowsAt(at).view(program.programId(), at.asOf()));
    }

    /** The returns document as of the date and as known at the instant; empty if the program was not known then. */
    public Optional<ReturnsView> returns(Bitemporal at) {
        if (!known(at)) {
            return Optional.empty();
        }
        List<EquityMovement> movements = equity.stream()
                .filter(m -> at.includes(m.effectiveDate(), m.recordedAt())).toList();
        return Optional.of(Returns.of(at.asOf(), movements,
                new InvestorPositions(new CurrencyCode(program.currency())).applyAll(movements), cashFlowsAt(at))
                .view(program.programId(), at.knownAt()));
    }

    private boolean known(Bitemporal at) {
        return program != null && !program.recordedAt().isAfter(at.knownAt());
    }

    private CashFlows cashFlowsAt(Bitemporal at) {
        return new CashFlows().applyAll(cashFlows.stream()
                .filter(f -> at.includes(f.effectiveDate(), f.recordedAt())).toList());
    }
}
