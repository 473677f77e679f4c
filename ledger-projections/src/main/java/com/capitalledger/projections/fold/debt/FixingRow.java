package com.capitalledger.projections.fold.debt;

import com.capitalledger.projections.fold.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A base-rate fixing as stored in {@code base_rate_fixing}; shared by every program's tranches on that rate. */
public record FixingRow(long globalIndex, String rateName, BigDecimal ratePct, LocalDate effectiveDate,
                        Instant recordedAt) implements Fact {
}
