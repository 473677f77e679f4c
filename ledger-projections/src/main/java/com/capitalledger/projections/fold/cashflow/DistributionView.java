package com.capitalledger.projections.fold.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A distribution paid on a waterfall's payment date: its allocations sum exactly to the amount. */
public record DistributionView(LocalDate paymentDate, BigDecimal amount, List<Allocation> allocations,
                               List<Exclusion> excluded) {

    public record Allocation(String investorId, BigDecimal amount) {
    }

    /** An investor with paid-in capital who received nothing, and why (IN_DEFAULT). */
    public record Exclusion(String investorId, String reason) {
    }
}
