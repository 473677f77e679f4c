package com.capitalledger.projections.fold.audit;

import com.capitalledger.core.cashflow.api.WaterfallRun;
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
        return entry(eventId, globalIndex, Outcome.ACCEPTED, null, event.getClass().getSimpleName(),
                event instanceof WaterfallRun run ? steps(run) : null, AuditSubjects.of(event), recordedAt, metadata);
    }

    /**
     * A waterfall's line lists each step it took, in order, e.g. {@code period 2027-03-31; SENIOR_INTEREST_AND_FEES
     * due 20000.00 paid 20000.00; ...; DSRA drawn 0.00 released 0.00 toppedUp 100000.00 closing 100000.00; LOCK_UP
     * trapped 0.00 released 0.00 closing 0.00; DSCR 1.3500; TEST passed; DISTRIBUTION 80000.00}.
     */
    static String steps(WaterfallRun run) {
        StringBuilder steps = new StringBuilder("period ").append(run.periodEnd());
        for (WaterfallRun.StepResult step : run.steps()) {
            steps.append("; ").append(step.step()).append(" due ").append(step.due().amount().toPlainString())
                    .append(" paid ").append(step.paid().amount().toPlainString());
        }
        WaterfallRun.Dsra dsra = run.dsra();
        steps.append("; DSRA drawn ").append(dsra.drawn().amount().toPlainString())
                .append(" released ").append(dsra.released().amount().toPlainString())
                .append(" toppedUp ").append(dsra.toppedUp().amount().toPlainString())
                .append(" closing ").append(dsra.closing().amount().toPlainString());
        WaterfallRun.LockUp lockUp = run.lockUp();
        steps.append("; LOCK_UP trapped ").append(lockUp.trapped().amount().toPlainString())
                .append(" released ").append(lockUp.released().amount().toPlainString())
                .append(" closing ").append(lockUp.closing().amount().toPlainString());
        steps.append("; DSCR ").append(run.dscr() == null ? "n/a" : run.dscr().toPlainString());
        steps.append("; TEST ").append(run.distributionTest().passed() ? "passed"
                : "failed " + run.distributionTest().reasons());
        steps.append("; DISTRIBUTION ").append(run.distributed().amount().toPlainString());
        return steps.toString();
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
