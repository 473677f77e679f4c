package com.capitalledger.api.audit;

import com.capitalledger.projections.audit.AuditEntry;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/**
 * The audit trail's query parameters, all optional: {@code from} inclusive and {@code to} exclusive on the recording
 * instant (ISO-8601), {@code cursor} from the previous page, {@code limit} 1 to 1,000 (100 by default).
 */
public record AuditQuery(String programId, String investorId, String trancheId, String actor, String type,
                         AuditEntry.Outcome outcome,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         String cursor, Integer limit) {
}
