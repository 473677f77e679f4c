package com.capitalledger.core.journal.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ledger refused a command: which command, the rejection's code and message, and what the command was about (the
 * program, investor and other investor of a transfer, tranche, call, phase, draw / repayment / rate, amount and
 * effective date, as far as it named them). Recorded in the event store like any event, in its own stream, so that
 * the journal holds every refusal beside every accepted event and the audit trail can be rebuilt with both. Who sent
 * it, why, and under which correlation id and idempotency key travel in its metadata.
 */
@Revision("1")
public record CommandRejected(String command, String code, String detail, String programId, String investorId,
                              String counterpartyId, String trancheId, String callId, String phaseId,
                              String referenceId, BigDecimal amount, LocalDate effectiveDate) {

    /** The aggregate type its stream is stored under; each refusal is the one event of a stream of its own. */
    public static final String STREAM_TYPE = "Rejection";
}
