package com.capitalledger.core.shared;

import java.util.Objects;

/**
 * The one way the domain refuses a command: a stable {@link RejectionCode} plus a message that names the
 * values involved. Thrown before any event is applied, so a rejected command never changes the ledger.
 */
public final class LedgerRejection extends RuntimeException {

    private final RejectionCode code;

    public LedgerRejection(RejectionCode code, String detail) {
        super(Objects.requireNonNull(code, "code") + ": " + Objects.requireNonNull(detail, "detail"), null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }

    /** The message without its code prefix, for clients that show the code separately. */
    public String detail() {
        return getMessage().substring(code.name().length() + 2);
    }
}
