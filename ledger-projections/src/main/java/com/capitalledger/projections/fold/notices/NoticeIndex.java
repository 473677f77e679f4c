package com.capitalledger.projections.fold.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The notices one investor has: each capital call that allocated to it and each distribution that paid it, oldest
 * first, and the day of its first commitment (null if it has none), from which its quarterly statements run.
 */
public record NoticeIndex(List<CallEntry> calls, List<DistributionEntry> distributions, LocalDate firstCommitted) {

    public record CallEntry(String callId, LocalDate effectiveDate, BigDecimal allocation) {
    }

    public record DistributionEntry(LocalDate paymentDate, BigDecimal allocation) {
    }
}
