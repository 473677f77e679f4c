package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a repayment within a program. */
public record RepaymentId(String value) {

    public RepaymentId {
        Ids.require("repaymentId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
