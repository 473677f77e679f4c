package com.capitalledger.projections.fold.calls;

import com.capitalledger.projections.fold.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact about a capital call, as stored in {@code call_movement}: the call itself ({@code CALLED}, with its phase,
 * amount and purpose), one investor's allocation, or a default or cure of that allocation.
 */
public record CallMovement(long globalIndex, int line, String programId, String callId, Kind kind, String phaseId,
                           String investorId, BigDecimal amount, String purpose, LocalDate effectiveDate,
                           Instant recordedAt) implements Fact {

    public enum Kind { CALLED, ALLOCATED, DEFAULTED, CURED }
}
