package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a capital call within a program. */
public record CallId(String value) {

    public CallId {
        Ids.require("callId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
