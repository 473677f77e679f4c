package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a debt tranche within a program, such as {@code P1-SENIOR}. */
public record TrancheId(String value) implements Comparable<TrancheId> {

    public TrancheId {
        Ids.require("trancheId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}, so that the ledger lists and splits in one stable order. */
    @Override
    public int compareTo(TrancheId other) {
        return value.compareTo(other.value);
    }
}
