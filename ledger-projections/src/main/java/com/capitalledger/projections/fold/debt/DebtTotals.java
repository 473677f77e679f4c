package com.capitalledger.projections.fold.debt;

import java.math.BigDecimal;

/** The program's debt column: the tranches' figures added up. */
public record DebtTotals(BigDecimal commitment, BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding,
                         BigDecimal undrawn, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee) {
}
