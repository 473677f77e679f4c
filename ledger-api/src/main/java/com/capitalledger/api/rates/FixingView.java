package com.capitalledger.api.rates;

import com.capitalledger.projections.fold.debt.FixingRow;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A base-rate fixing as the ledger holds it: where a fixing's Location leads. */
public record FixingView(
        @Schema(description = "The base rate", example = "SOFR") String rateName,
        @Schema(description = "The day from which it applies, until the day before the next fixing",
                example = "2025-01-21") LocalDate effectiveDate,
        @Schema(description = "The rate in percent per year", example = "4.31000") BigDecimal ratePct,
        @Schema(description = "When it was recorded (a later fixing for the same day replaces it)",
                example = "2025-01-21T12:00:00Z") Instant recordedAt) {

    static FixingView of(FixingRow fixing) {
        return new FixingView(fixing.rateName(), fixing.effectiveDate(), fixing.ratePct(), fixing.recordedAt());
    }
}
