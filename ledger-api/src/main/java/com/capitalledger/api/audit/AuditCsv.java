package com.capitalledger.api.audit;

import com.capitalledger.projections.audit.AuditEntry;

import java.util.List;
import java.util.Objects;

/**
 * Writes audit entries as RFC 4180 CSV. Free-text cells that a spreadsheet would read as a formula (starting with
 * =, +, -, @, tab or carriage return) are prefixed with an apostrophe, so an export cannot run code when opened.
 */
final class AuditCsv {

    static final String HEADER = "position,entryId,outcome,code,type,programId,investorId,counterpartyId,trancheId,"
            + "callId,phaseId,referenceId,amount,effectiveDate,recordedAt,actor,client,reason,correlationId,causationId,"
            + "idempotencyKey,detail";

    private AuditCsv() {
    }

    static String write(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry e : entries) {
            Object[] cells = {e.position(), e.entryId(), e.outcome(), e.code(), e.type(), e.programId(), e.investorId(),
                    e.counterpartyId(), e.trancheId(), e.callId(), e.phaseId(), e.referenceId(),
                    e.amount() == null ? null : e.amount().toPlainString(), e.effectiveDate(), e.recordedAt(),
                    text(e.actor()), text(e.client()), text(e.reason()), e.correlationId(), e.causationId(),
                    text(e.idempotencyKey()), text(e.detail())};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(quoted(cells[i] == null ? "" : Objects.toString(cells[i])));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
