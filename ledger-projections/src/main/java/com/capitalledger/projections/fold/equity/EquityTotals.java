package com.capitalledger.projections.fold.equity;

import java.math.BigDecimal;

/**
 * The program's equity column. The ownership sums are reported as computed: each investor's percentage is rounded on
 * its own, so they may differ from 100 by a few millionths.
 */
public record EquityTotals(BigDecimal committed, BigDecimal called, BigDecimal paidIn, BigDecimal defaulted,
                           BigDecimal unfunded, BigDecimal ownershipPctSum, BigDecimal ownershipPctPaidInSum) {
}
