package com.capitalledger.projections.fold.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the audit trail, for one event of the store: an accepted event, or a refused command (with its
 * {@code code}). {@code position} is the event's global index (null only on refusals recorded before refusals were
 * events), {@code seq} its place in the verifiable journal once the journal holds it. Subject ids, the amount and the
 * effective date are those the event or command names; the rest is the audit metadata of the request that caused it.
 */
public record AuditEntry(String entryId, Long position, Outcome outcome, String code, String type, String detail,
                         String programId, String investorId, String counterpartyId, String trancheId, String callId,
                         String phaseId, String referenceId, BigDecimal amount, LocalDate effectiveDate,
                         Instant recordedAt, String actor, String client, String reason, String correlationId,
                         String causationId, String idempotencyKey, Long seq) {

    public enum Outcome { ACCEPTED, REJECTED }
}
