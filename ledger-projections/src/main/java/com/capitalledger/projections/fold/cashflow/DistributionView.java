package com.capitalledger.projections.fold.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A distribution paid on a waterfall's payment date: its allocations sum exactly to the amount. */
public record DistributionView(LocalDate paymentDate, BigDecimal amount, List<DistributionAllocation> allocations,
                               List<DistributionExclusion> excluded) {

    public record DistributionAllocation(String investorId, BigDecimal amount) {
    }

    /** An investor with paid-in capital who received nothing, and why (IN_DEFAULT). */
    public record DistributionExclusion(String investorId, String reason) {
    }
}
