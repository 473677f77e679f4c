package com.capitalledger.api.program;

import com.capitalledger.projections.fold.program.ProgramSummary;

import java.time.Instant;
import java.time.LocalDate;

/** A program as {@code GET /api/v1/programs/{programId}} shows it; amounts and percentages as exact strings. */
public record ProgramView(String programId,
                          String name,
                          String currency,
                          String targetAmount,
                          String maxDebtPct,
                          LocalDate effectiveDate,
                          Instant recordedAt) {

    static ProgramView of(ProgramSummary summary) {
        return new ProgramView(summary.programId(), summary.name(), summary.currency(),
                summary.targetAmount().toPlainString(), summary.maxDebtPct().toPlainString(),
                summary.effectiveDate(), summary.recordedAt());
    }
}
