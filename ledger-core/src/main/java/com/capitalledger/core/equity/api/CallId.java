package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a capital call within a program. */
public record CallId(String value) implements Comparable<CallId> {

    public CallId {
        Ids.require("callId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}, so that the ledger lists and splits in one stable order. */
    @Override
    public int compareTo(CallId other) {
        return value.compareTo(other.value);
    }
}
