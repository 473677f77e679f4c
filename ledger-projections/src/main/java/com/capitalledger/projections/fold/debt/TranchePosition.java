package com.capitalledger.projections.fold.debt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tranche as of a date: commitment and balances, the rates in effect (percent, five decimals; the base rate is
 * null before its first fixing), interest and commitment fee accrued from creation (ACT/360, rounded once), the
 * margin history and each lender's part.
 */
public record TranchePosition(String trancheId, String phaseId, String name, String seniority, BigDecimal commitment,
                              BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding, BigDecimal undrawn,
                              String baseRate, String baseRatePct, String marginPct, String allInRatePct,
                              String commitmentFeePct, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee,
                              LocalDate availabilityEnd, List<MarginChange> marginHistory, List<LenderPosition> lenders) {

    public record MarginChange(LocalDate effectiveDate, String marginPct) {
    }

    public record LenderPosition(String lenderId, String name, BigDecimal commitment, BigDecimal drawn,
                                 BigDecimal repaid, BigDecimal outstanding) {
    }
}
