package com.capitalledger.projections.fold.positions;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.debt.DebtTotals;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityTotals;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.program.PhasePosition;
import com.capitalledger.projections.fold.program.PhasePositions;
import com.capitalledger.projections.fold.program.ProgramSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every investor's and lender's position in one program, as of a date and as known at an instant. */
public record ProgramPositions(String programId, LocalDate asOf, Instant knownAt, List<InvestorPosition> investors,
                               EquityTotals equityTotals, List<TranchePosition> tranches, DebtTotals debtTotals,
                               Capitalisation capitalisation, List<PhasePosition> phases) {

    /** Puts the folded read models together; pure, so the same in memory as over stored facts. */
    public static ProgramPositions assemble(ProgramSummary program, Bitemporal at, InvestorPositions equity,
                                            TranchePositions debt, PhasePositions phases) {
        List<TranchePosition> tranches = debt.positions(at.asOf());
        DebtTotals debtTotals = TranchePositions.totals(tranches);
        EquityTotals equityTotals = equity.totals();
        return new ProgramPositions(program.programId(), at.asOf(), at.knownAt(), equity.positions(), equityTotals,
                tranches, debtTotals,
                Capitalisation.of(equityTotals.paidIn(), debtTotals.outstanding(), program.maxDebtPct()),
                phases.positions());
    }
}
