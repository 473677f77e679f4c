package com.capitalledger.core.whatif;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.RejectionCode;

/** What became of one change: accepted, or refused with the live command path's code and message. */
public record ChangeOutcome(int index, String op, Outcome outcome, RejectionCode code, String message) {

    public enum Outcome { ACCEPTED, REJECTED }

    static ChangeOutcome accepted(int index, Change change) {
        return new ChangeOutcome(index, change.op(), Outcome.ACCEPTED, null, null);
    }

    static ChangeOutcome rejected(int index, Change change, LedgerRejection rejection) {
        return new ChangeOutcome(index, change.op(), Outcome.REJECTED, rejection.code(), rejection.detail());
    }
}
