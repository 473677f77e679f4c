package com.capitalledger.projections.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the audit trail: an accepted event ({@code position} is its global index) or a rejected command (with
 * its {@code code}; it has no position in the journal). Subject ids, the amount and the effective date are those the
 * event or command names; the rest is the audit metadata of the request that caused it.
 */
public record AuditEntry(String entryId, Long position, Outcome outcome, String code, String type, String detail,
                         String programId, String investorId, String counterpartyId, String trancheId, String callId,
                         String phaseId, String referenceId, BigDecimal amount, LocalDate effectiveDate,
                         Instant recordedAt, String actor, String client, String reason, String correlationId,
                         String causationId, String idempotencyKey) {

    public enum Outcome { ACCEPTED, REJECTED }
}
