package com.capitalledger.projections.fold.positions;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.cashflow.CashFlows;
import com.capitalledger.projections.fold.debt.DebtTotals;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityTotals;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.program.PhasePosition;
import com.capitalledger.projections.fold.program.PhasePositions;
import com.capitalledger.projections.fold.program.ProgramSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every investor's and lender's position in one program, as of a date and as known at an instant, with the balances
 * of the debt service reserve and lock-up accounts after the last waterfall (section 10).
 */
public record ProgramPositions(String programId, LocalDate asOf, Instant knownAt, List<InvestorPosition> investors,
                               EquityTotals equityTotals, List<TranchePosition> tranches, DebtTotals debtTotals,
                               Capitalisation capitalisation, List<PhasePosition> phases, BigDecimal dsraBalance,
                               BigDecimal lockUpBalance) {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    /** Positions before any waterfall: both accounts empty. */
    public ProgramPositions(String programId, LocalDate asOf, Instant knownAt, List<InvestorPosition> investors,
                            EquityTotals equityTotals, List<TranchePosition> tranches, DebtTotals debtTotals,
                            Capitalisation capitalisation, List<PhasePosition> phases) {
        this(programId, asOf, knownAt, investors, equityTotals, tranches, debtTotals, capitalisation, phases, NOTHING,
                NOTHING);
    }

    /** Puts the folded read models together; pure, so the same in memory as over stored facts. */
    public static ProgramPositions assemble(ProgramSummary program, Bitemporal at, InvestorPositions equity,
                                            TranchePositions debt, PhasePositions phases, CashFlows cashFlows) {
        List<TranchePosition> tranches = tranches(debt, cashFlows, at.asOf());
        DebtTotals debtTotals = TranchePositions.totals(tranches);
        EquityTotals equityTotals = equity.totals();
        return new ProgramPositions(program.programId(), at.asOf(), at.knownAt(), investors(equity, cashFlows),
                equityTotals, tranches, debtTotals,
                Capitalisation.of(equityTotals.paidIn(), debtTotals.outstanding(), program.maxDebtPct()),
                phases.positions(), cashFlows.dsraBalance(), cashFlows.lockUpBalance());
    }

    /** Each investor with what the waterfalls distributed to it. */
    public static List<InvestorPosition> investors(InvestorPositions equity, CashFlows cashFlows) {
        Map<String, BigDecimal> distributed = cashFlows.distributed();
        return equity.positions().stream().map(investor -> distributed.containsKey(investor.investorId())
                ? investor.withDistributed(distributed.get(investor.investorId())) : investor).toList();
    }

    /** Each tranche with what the waterfalls paid it and its repayment schedule. */
    public static List<TranchePosition> tranches(TranchePositions debt, CashFlows cashFlows, LocalDate asOf) {
        return debt.positions(asOf).stream().map(tranche -> tranche(tranche, debt, cashFlows, asOf)).toList();
    }

    public static TranchePosition tranche(TranchePosition tranche, TranchePositions debt, CashFlows cashFlows,
                                          LocalDate asOf) {
        return tranche.with(cashFlows.tranche(tranche.trancheId(), asOf, debt::outstandingOn));
    }
}
