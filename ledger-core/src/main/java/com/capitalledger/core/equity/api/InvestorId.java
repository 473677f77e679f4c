package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Ids;

/** Identifies an equity investor within a program, such as {@code SOFTBANK}; ties in allocations go to the lower id. */
public record InvestorId(String value) implements Comparable<InvestorId> {

    public InvestorId {
        Ids.require("investorId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}: the order that breaks ties in pro-rata splits. */
    @Override
    public int compareTo(InvestorId other) {
        return value.compareTo(other.value);
    }
}
