package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a draw within a program, so a draw can be named in the audit trail and never recorded twice. */
public record DrawId(String value) implements Comparable<DrawId> {

    public DrawId {
        Ids.require("drawId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}, so that the ledger lists and splits in one stable order. */
    @Override
    public int compareTo(DrawId other) {
        return value.compareTo(other.value);
    }
}
