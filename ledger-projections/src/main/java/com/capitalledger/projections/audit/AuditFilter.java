package com.capitalledger.projections.audit;

import java.time.Instant;

/**
 * What an audit query asks for; every criterion is optional. {@code from} is inclusive, {@code to} exclusive, both on
 * the recording instant. {@code after} is the position of the last entry of the previous page.
 */
public record AuditFilter(String programId, String investorId, String trancheId, String actor, String type,
                          AuditEntry.Outcome outcome, Instant from, Instant to, Cursor after, int limit) {

    /** Where a page ends: entries are ordered by recording instant, then entry id. */
    public record Cursor(Instant recordedAt, String entryId) {
    }
}
