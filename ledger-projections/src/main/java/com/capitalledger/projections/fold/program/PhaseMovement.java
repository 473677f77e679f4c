package com.capitalledger.projections.fold.program;

import com.capitalledger.projections.fold.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact about a phase's deployment, as stored in {@code phase_movement}: the phase itself with its budget, equity
 * called for it, a tranche opened on it (so later draws can be attributed), or debt drawn on such a tranche.
 */
public record PhaseMovement(long globalIndex, String programId, Kind kind, String phaseId, String trancheId,
                            String name, BigDecimal amount, LocalDate effectiveDate, Instant recordedAt)
        implements Fact {

    public enum Kind { PHASE_CREATED, EQUITY_CALLED, TRANCHE_OPENED, DEBT_DRAWN }
}
