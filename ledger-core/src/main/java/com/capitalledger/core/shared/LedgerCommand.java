package com.capitalledger.core.shared;

import java.time.LocalDate;

/** A command to the ledger, to a program or to a base rate: what a what-if may add or put in an event's place. */
public interface LedgerCommand {

    /** The day the command takes effect, for the whole day. */
    LocalDate effectiveDate();
}
