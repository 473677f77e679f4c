package com.capitalledger.api.audit;

import com.capitalledger.projections.fold.audit.AuditEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes audit entries as RFC 4180 CSV, one line as each entry arrives, so an export of the whole trail never holds
 * it in memory. Free-text cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe, so an export cannot run code when opened.
 */
final class AuditCsv implements Flushable {

    static final String[] COLUMNS = {"position", "entryId", "outcome", "code", "type", "programId", "investorId",
            "counterpartyId", "trancheId", "callId", "phaseId", "referenceId", "amount", "effectiveDate", "recordedAt",
            "actor", "client", "reason", "correlationId", "causationId", "idempotencyKey", "detail"};
    static final String HEADER = String.join(",", COLUMNS);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

    private final CSVPrinter printer;

    /** Starts the CSV on {@code out} with its header line. */
    AuditCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(AuditEntry e) {
        try {
            printer.printRecord(e.position(), e.entryId(), e.outcome(), e.code(), e.type(), e.programId(),
                    e.investorId(), e.counterpartyId(), e.trancheId(), e.callId(), e.phaseId(), e.referenceId(),
                    e.amount() == null ? null : e.amount().toPlainString(), e.effectiveDate(), e.recordedAt(),
                    text(e.actor()), text(e.client()), text(e.reason()), e.correlationId(), e.causationId(),
                    text(e.idempotencyKey()), text(e.detail()));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
