package com.capitalledger.projections.audit;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.projections.audit.AuditEntry.Outcome;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Builds audit lines from accepted events and from rejected commands; pure. */
public final class AuditEntries {

    private static final int MAX_DETAIL = 2000;

    private AuditEntries() {
    }

    public static AuditEntry accepted(String eventId, long globalIndex, Object event, Instant recordedAt,
                                      Map<String, ?> metadata) {
        return entry(eventId, globalIndex, Outcome.ACCEPTED, null, event, null, recordedAt, metadata);
    }

    public static AuditEntry rejected(Object command, LedgerRejection rejection, Instant recordedAt,
                                      Map<String, ?> metadata) {
        return entry(UUID.randomUUID().toString(), null, Outcome.REJECTED, rejection.code().name(), command,
                rejection.detail(), recordedAt, metadata);
    }

    private static AuditEntry entry(String id, Long position, Outcome outcome, String code, Object message,
                                    String detail, Instant recordedAt, Map<String, ?> metadata) {
        AuditSubjects subjects = AuditSubjects.of(message);
        return new AuditEntry(id, position, outcome, code, message.getClass().getSimpleName(),
                detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL)),
                subjects.programId(), subjects.investorId(), subjects.counterpartyId(), subjects.trancheId(),
                subjects.callId(), subjects.phaseId(), subjects.referenceId(), subjects.amount(),
                subjects.effectiveDate(), recordedAt.truncatedTo(ChronoUnit.MICROS),
                text(metadata, AuditKeys.ACTOR), text(metadata, AuditKeys.CLIENT), text(metadata, AuditKeys.REASON),
                text(metadata, AuditKeys.CORRELATION_ID), text(metadata, AuditKeys.CAUSATION_ID),
                text(metadata, AuditKeys.IDEMPOTENCY_KEY));
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
