package com.capitalledger.projections.fold.debt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact about a tranche, as stored in {@code debt_movement}. Which columns are set depends on the kind:
 * {@code TRANCHE_CREATED} carries the terms (name, phase, seniority, base rate, margin in {@code ratePct}, fee,
 * commitment in {@code amount}, availability end); {@code LENDER_COMMITTED} a lender's name and commitment;
 * {@code DRAWN} and {@code REPAID} one lender's share; {@code REPRICED} the new margin in {@code ratePct}.
 */
public record DebtMovement(long globalIndex, int line, String programId, String trancheId, Kind kind, String lenderId,
                           String name, String phaseId, String seniority, String baseRate, BigDecimal ratePct,
                           BigDecimal feePct, BigDecimal amount, LocalDate availabilityEnd, LocalDate effectiveDate,
                           Instant recordedAt) {

    public enum Kind { TRANCHE_CREATED, LENDER_COMMITTED, DRAWN, REPAID, REPRICED }
}
