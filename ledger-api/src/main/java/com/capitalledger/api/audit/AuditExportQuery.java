package com.capitalledger.api.audit;

import com.capitalledger.projections.audit.AuditFilter;
import com.capitalledger.projections.fold.audit.AuditEntry;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/** The audit trail export's filter, all optional; the export is every line it selects, not a page. */
public record AuditExportQuery(
        @Parameter(description = PROGRAM_ID, example = "STARGATE") String programId,
        @Parameter(description = INVESTOR_ID, example = "SOFTBANK") String investorId,
        @Parameter(description = TRANCHE_ID, example = "SENIOR-A") String trancheId,
        @Parameter(description = ACTOR, example = "treasury") String actor,
        @Parameter(description = TYPE, example = "TrancheDrawn") String type,
        @Parameter(description = OUTCOME, example = "REJECTED") AuditEntry.Outcome outcome,
        @Parameter(description = FROM, example = "2025-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @Parameter(description = TO, example = "2026-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {

    static final String PROGRAM_ID = "Only entries of this program";
    static final String INVESTOR_ID = "Only entries naming this investor (as subject or as transfer counterparty)";
    static final String TRANCHE_ID = "Only entries of this tranche";
    static final String ACTOR = "Only entries by this authenticated principal";
    static final String TYPE = "Only entries of this event type (accepted) or command type (rejected)";
    static final String OUTCOME = "ACCEPTED or REJECTED";
    static final String FROM = "Recorded at or after this instant (ISO-8601, inclusive)";
    static final String TO = "Recorded before this instant (ISO-8601, exclusive)";

    AuditFilter filter() {
        return new AuditFilter(programId, investorId, trancheId, actor, type, outcome, from, to);
    }
}
