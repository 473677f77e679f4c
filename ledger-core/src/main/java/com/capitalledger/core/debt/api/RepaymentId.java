package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a repayment within a program. */
public record RepaymentId(String value) implements Comparable<RepaymentId> {

    public RepaymentId {
        Ids.require("repaymentId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}, so that the ledger lists and splits in one stable order. */
    @Override
    public int compareTo(RepaymentId other) {
        return value.compareTo(other.value);
    }
}
