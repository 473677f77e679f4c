package com.capitalledger.projections.fold.program;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.projections.fold.Recorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the ledger knows about a program as a whole: its terms and when they were recorded. */
public record ProgramSummary(String programId,
                             String name,
                             String currency,
                             BigDecimal targetAmount,
                             BigDecimal maxDebtPct,
                             LocalDate effectiveDate,
                             Instant recordedAt) {

    /**
     * The fold's first step: a program's summary is fully given by the event that created it. The maximum debt share
     * is held with four decimals, as stored, so a summary folded in memory reads the same as one read from the table.
     */
    public static ProgramSummary of(ProgramCreated event, Instant recordedAt) {
        return new ProgramSummary(event.programId().value(), event.name(), event.currency().code(),
                event.targetAmount().amount(), event.maxDebtPct().percent().setScale(Percentage.MAX_SCALE),
                event.effectiveDate(),
                recordedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The summary an event brings: one for a program's creation, none for any other event. */
    public static List<ProgramSummary> of(Recorded<?> recorded) {
        return recorded.event() instanceof ProgramCreated created ? List.of(of(created, recorded.recordedAt()))
                : List.of();
    }
}
