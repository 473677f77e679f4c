package com.capitalledger.projections.fold.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the waterfalls paid a tranche (interest, commitment fee) and the principal arrears after the last one, with
 * its repayment schedule: each installment's amount once the base B is fixed, and the money paid towards it.
 */
public record TrancheCashFlow(BigDecimal interestPaid, BigDecimal feesPaid, BigDecimal principalArrears,
                              List<ScheduledInstallment> schedule) {

    /** {@code amount} is null until B is fixed (at the end of the day before the first due date). */
    public record ScheduledInstallment(LocalDate dueDate, BigDecimal pct, BigDecimal amount, BigDecimal paid) {
    }
}
