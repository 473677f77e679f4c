package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a debt tranche within a program, such as {@code P1-SENIOR}. */
public record TrancheId(String value) {

    public TrancheId {
        Ids.require("trancheId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
