package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a lender within a tranche's syndicate; ties in pro-rata splits go to the lower id. */
public record LenderId(String value) implements Comparable<LenderId> {

    public LenderId {
        Ids.require("lenderId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}: the order that breaks ties in pro-rata splits. */
    @Override
    public int compareTo(LenderId other) {
        return value.compareTo(other.value);
    }
}
