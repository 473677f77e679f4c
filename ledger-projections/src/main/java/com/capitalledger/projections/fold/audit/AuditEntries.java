package com.capitalledger.projections.fold.audit;

import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.projections.fold.audit.AuditEntry.Outcome;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Builds audit lines from the events the store holds, accepted ones and refusals, and the refusals' events; pure. */
public final class AuditEntries {

    private static final int MAX_DETAIL = 2000;

    private AuditEntries() {
    }

    /** A refusal's line, from the event that recorded it: its position in the event store, its code and subjects. */
    public static AuditEntry rejected(String eventId, long globalIndex, CommandRejected refusal, Instant recordedAt,
                                      Map<String, ?> metadata) {
        AuditSubjects subjects = new AuditSubjects(refusal.programId(), refusal.investorId(), refusal.counterpartyId(),
                refusal.trancheId(), refusal.callId(), refusal.phaseId(), refusal.referenceId(), refusal.amount(),
                refusal.effectiveDate());
        return entry(eventId, globalIndex, Outcome.REJECTED, refusal.code(), refusal.command(), refusal.detail(),
                subjects, recordedAt, metadata);
    }

    /** The event that records the ledger's refusal of {@code command}, with what the command was about. */
    public static CommandRejected refusal(Object command, LedgerRejection rejection) {
        return refusal(command, rejection.code().name(), rejection.detail());
    }

    /**
     * The event that records a refusal of {@code command} that no rule of the ledger decided (a lost race, a stale
     * version), with its code and what the command was about.
     */
    public static CommandRejected refusal(Object command, String code, String detail) {
        AuditSubjects subjects = AuditSubjects.of(command);
        return new CommandRejected(command.getClass().getSimpleName(), code,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL)),
                subjects.programId(), subjects.investorId(), subjects.counterpartyId(), subjects.trancheId(),
                subjects.callId(), subjects.phaseId(), subjects.referenceId(), subjects.amount(),
                subjects.effectiveDate());
    }

    public static AuditEntry accepted(String eventId, long globalIndex, Object event, Instant recordedAt,
                                      Map<String, ?> metadata) {
        return entry(eventId, globalIndex, Outcome.ACCEPTED, null, event.getClass().getSimpleName(), null,
                AuditSubjects.of(event), recordedAt, metadata);
    }

    /** A line for whatever event the store holds: an accepted event's, or a refusal's. */
    public static AuditEntry of(String eventId, long globalIndex, Object event, Instant recordedAt,
                                Map<String, ?> metadata) {
        return event instanceof CommandRejected refusal ? rejected(eventId, globalIndex, refusal, recordedAt, metadata)
                : accepted(eventId, globalIndex, event, recordedAt, metadata);
    }

    private static AuditEntry entry(String id, long position, Outcome outcome, String code, String type,
                                    String detail, AuditSubjects subjects, Instant recordedAt,
                                    Map<String, ?> metadata) {
        return new AuditEntry(id, position, outcome, code, type,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL)),
                subjects.programId(), subjects.investorId(), subjects.counterpartyId(), subjects.trancheId(),
                subjects.callId(), subjects.phaseId(), subjects.referenceId(), subjects.amount(),
                subjects.effectiveDate(), recordedAt.truncatedTo(ChronoUnit.MICROS),
                text(metadata, AuditKeys.ACTOR), text(metadata, AuditKeys.CLIENT), text(metadata, AuditKeys.REASON),
                text(metadata, AuditKeys.CORRELATION_ID), text(metadata, AuditKeys.CAUSATION_ID),
                text(metadata, AuditKeys.IDEMPOTENCY_KEY), null);
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
