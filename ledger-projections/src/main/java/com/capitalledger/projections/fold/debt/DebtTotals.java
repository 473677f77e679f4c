package com.capitalledger.projections.fold.debt;

import java.math.BigDecimal;

/** The program's debt column: the tranches' figures added up. */
public record DebtTotals(BigDecimal commitment, BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding,
                         BigDecimal undrawn, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee,
                         BigDecimal interestPaid, BigDecimal feesPaid) {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    /** The totals before any waterfall: nothing paid. */
    public DebtTotals(BigDecimal commitment, BigDecimal drawn, BigDecimal repaid, BigDecimal outstanding,
                      BigDecimal undrawn, BigDecimal accruedInterest, BigDecimal accruedCommitmentFee) {
        this(commitment, drawn, repaid, outstanding, undrawn, accruedInterest, accruedCommitmentFee, NOTHING,
                NOTHING);
    }
}
