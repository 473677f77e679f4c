package com.capitalledger.core.shared;

/** Identifies a phase of a program, such as {@code ABILENE}. */
public record PhaseId(String value) implements Comparable<PhaseId> {

    public PhaseId {
        Ids.require("phaseId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** By {@link String#compareTo}, so that the ledger lists and splits in one stable order. */
    @Override
    public int compareTo(PhaseId other) {
        return value.compareTo(other.value);
    }
}
