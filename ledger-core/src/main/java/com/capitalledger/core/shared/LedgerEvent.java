package com.capitalledger.core.shared;

import java.time.LocalDate;

/** A fact the ledger recorded, in a program's stream or a base rate's. */
public interface LedgerEvent {

    /** The day the fact takes effect, for the whole day. */
    LocalDate effectiveDate();
}
