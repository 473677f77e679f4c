package com.capitalledger.projections.fold.equity;

import com.capitalledger.projections.fold.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change to one investor's equity position, as stored in {@code equity_movement}: the deltas to committed,
 * called and defaulted that an event brought, with the event's position, effective date and recording instant.
 * {@code line} numbers the movements of one event (a capital call moves every allocated investor).
 */
public record EquityMovement(long globalIndex, int line, String programId, String investorId, Kind kind,
                             String investorName, String callId, BigDecimal committed, BigDecimal called,
                             BigDecimal defaulted, LocalDate effectiveDate, Instant recordedAt) implements Fact {

    public enum Kind {
        COMMITTED, INCREASED, REDUCED, CANCELLED, TRANSFERRED_OUT, TRANSFERRED_IN, CALLED, DEFAULTED, CURED
    }
}
