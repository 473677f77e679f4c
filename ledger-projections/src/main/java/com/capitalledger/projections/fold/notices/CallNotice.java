package com.capitalledger.projections.fold.notices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One investor's notice of a capital call: the call (its phase, purpose, effective date and amount), the investor's
 * allocation and whether it is in default now, and its commitment right after the call (effective on the call's date,
 * with the events recorded up to the call's): committed, called to date (this call included) and unfunded.
 * {@code globalIndex} is the CapitalCalled event's.
 */
public record CallNotice(String programId, String callId, String phaseId, String purpose, LocalDate effectiveDate,
                         BigDecimal callAmount, String investorId, BigDecimal allocation, String allocationStatus,
                         BigDecimal committed, BigDecimal calledToDate, BigDecimal unfunded, long globalIndex) {
}
