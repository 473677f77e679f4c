package com.capitalledger.api.audit;

import com.capitalledger.projections.audit.AuditEntry;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/**
 * The audit trail's query parameters, all optional: {@code from} inclusive and {@code to} exclusive on the recording
 * instant (ISO-8601), {@code cursor} from the previous page, {@code limit} 1 to 1,000 (100 by default).
 */
public record AuditQuery(
        @Parameter(description = "Only entries of this program", example = "STARGATE") String programId,
        @Parameter(description = "Only entries naming this investor (as subject or as transfer counterparty)",
                example = "SOFTBANK") String investorId,
        @Parameter(description = "Only entries of this tranche", example = "SENIOR-A") String trancheId,
        @Parameter(description = "Only entries by this authenticated principal", example = "treasury") String actor,
        @Parameter(description = "Only entries of this event type (accepted) or command type (rejected)",
                example = "TrancheDrawn") String type,
        @Parameter(description = "ACCEPTED or REJECTED", example = "REJECTED") AuditEntry.Outcome outcome,
        @Parameter(description = "Recorded at or after this instant (ISO-8601, inclusive)",
                example = "2025-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @Parameter(description = "Recorded before this instant (ISO-8601, exclusive)", example = "2026-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
        @Parameter(description = "Opaque cursor of the next page, from the previous page's nextCursor (JSON) or "
                + "X-Next-Cursor header (CSV); omit for the first page", example = "MjAyNS0xMC0xNVQwOTozMDowMFp8ZTEyMw")
        String cursor,
        @Parameter(description = "Page size, 1 to 1000; 100 by default", example = "100") Integer limit) {
}
