package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.Ids;

/** Identifies a phase of a program, such as {@code ABILENE}. */
public record PhaseId(String value) {

    public PhaseId {
        Ids.require("phaseId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
