package com.capitalledger.api.consistency;

/** A query asked to wait for a ledger position no event has: the ledger never gave it. */
public class UnknownPosition extends RuntimeException {

    public UnknownPosition(long position, long head) {
        super("is " + position + ", beyond the ledger's last event (" + head + "): use the "
                + TransactionOffset.HEADER + " of a command's answer", null, false, false);
    }
}
