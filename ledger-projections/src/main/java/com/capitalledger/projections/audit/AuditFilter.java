package com.capitalledger.projections.audit;

import com.capitalledger.projections.fold.audit.AuditEntry;

import java.time.Instant;

/**
 * Which audit lines a query selects; every criterion is optional. {@code from} is inclusive, {@code to} exclusive,
 * both on the recording instant.
 */
public record AuditFilter(String programId, String investorId, String trancheId, String actor, String type,
                          AuditEntry.Outcome outcome, Instant from, Instant to) {

    /**
     * Where a page ends: entries are ordered by recording instant, then position in the event store (so lines of one
     * millisecond come in the order they were written), then entry id; a line without a position counts as -1.
     */
    public record Cursor(Instant recordedAt, long position, String entryId) {
    }
}
