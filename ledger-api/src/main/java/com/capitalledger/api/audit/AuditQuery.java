package com.capitalledger.api.audit;

import com.capitalledger.projections.audit.AuditFilter;
import com.capitalledger.projections.fold.audit.AuditEntry;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/**
 * The audit trail's page query, all optional: the filter ({@code from} inclusive and {@code to} exclusive on the
 * recording instant, ISO-8601), {@code cursor} from the previous page, {@code limit} 1 to 1,000 (100 by default).
 */
public record AuditQuery(
        @Parameter(description = AuditExportQuery.PROGRAM_ID, example = "STARGATE") String programId,
        @Parameter(description = AuditExportQuery.INVESTOR_ID, example = "SOFTBANK") String investorId,
        @Parameter(description = AuditExportQuery.TRANCHE_ID, example = "SENIOR-A") String trancheId,
        @Parameter(description = AuditExportQuery.ACTOR, example = "treasury") String actor,
        @Parameter(description = AuditExportQuery.TYPE, example = "TrancheDrawn") String type,
        @Parameter(description = AuditExportQuery.OUTCOME, example = "REJECTED") AuditEntry.Outcome outcome,
        @Parameter(description = AuditExportQuery.FROM, example = "2025-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @Parameter(description = AuditExportQuery.TO, example = "2026-01-01T00:00:00Z")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
        @Parameter(description = "Opaque cursor of the next page, from the previous page's nextCursor (or its "
                + "X-Next-Cursor header); omit for the first page", example = "MjAyNS0xMC0xNVQwOTozMDowMFp8ZTEyMw")
        String cursor,
        @Parameter(description = "Page size, 1 to 1000; 100 by default", example = "100",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000",
                        defaultValue = "100"))
        Integer limit) {

    AuditFilter filter() {
        return new AuditFilter(programId, investorId, trancheId, actor, type, outcome, from, to);
    }
}
