package com.capitalledger.projections.fold.debt;

import com.capitalledger.projections.fold.cashflow.TrancheCashFlow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tranche as of a date: commitment and balances, the rates in effect (percent, five decimals; the base rate is
 * null before its first fixing), interest and commitment fee accrued from creation (ACT/360, rounded once), the
 * margin history and each lender's part; what the waterfalls paid it (interest and commitment fee: unpaid = accrued
 * − paid), its principal arrears and its repayment schedule (section 10).
 */
public record TranchePosition(String trancheId, String phaseId, String name, String seniority, BigDecimal commitment,
                              BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding, BigDecimal undrawn,
                              String baseRate, String baseRatePct, String marginPct, String allInRatePct,
                              String commitmentFeePct, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee,
                              LocalDate availabilityEnd, List<MarginChange> marginHistory, List<LenderPosition> lenders,
                              BigDecimal interestPaid, BigDecimal feesPaid, BigDecimal principalArrears,
                              List<TrancheCashFlow.ScheduledInstallment> schedule) {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    /** A tranche before any waterfall or schedule (section 10): nothing paid, no arrears, no schedule. */
    public TranchePosition(String trancheId, String phaseId, String name, String seniority, BigDecimal commitment,
                           BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding, BigDecimal undrawn,
                           String baseRate, String baseRatePct, String marginPct, String allInRatePct,
                           String commitmentFeePct, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee,
                           LocalDate availabilityEnd, List<MarginChange> marginHistory, List<LenderPosition> lenders) {
        this(trancheId, phaseId, name, seniority, commitment, drawn, repaid, outstanding, undrawn, baseRate,
                baseRatePct, marginPct, allInRatePct, commitmentFeePct, accruedInterest, accruedCommitmentFee,
                availabilityEnd, marginHistory, lenders, NOTHING, NOTHING, NOTHING, List.of());
    }

    /** This position with what the waterfalls paid the tranche and its repayment schedule. */
    public TranchePosition with(TrancheCashFlow paid) {
        return new TranchePosition(trancheId, phaseId, name, seniority, commitment, drawn, repaid, outstanding,
                undrawn, baseRate, baseRatePct, marginPct, allInRatePct, commitmentFeePct, accruedInterest,
                accruedCommitmentFee, availabilityEnd, marginHistory, lenders, paid.interestPaid(), paid.feesPaid(),
                paid.principalArrears(), paid.schedule());
    }

    public record MarginChange(LocalDate effectiveDate, String marginPct) {
    }

    public record LenderPosition(String lenderId, String name, BigDecimal commitment, BigDecimal drawn,
                                 BigDecimal repaid, BigDecimal outstanding) {
    }
}
