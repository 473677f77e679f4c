package com.capitalledger.projections.fold.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A capital call and each investor's allocation, with whether that allocation is in default. */
public record CapitalCallView(String callId, String phaseId, BigDecimal amount, String purpose, LocalDate effectiveDate,
                             List<AllocationView> allocations) {

    public record AllocationView(String investorId, BigDecimal amount, Status status) {
    }

    public enum Status { ALLOCATED, IN_DEFAULT }
}
