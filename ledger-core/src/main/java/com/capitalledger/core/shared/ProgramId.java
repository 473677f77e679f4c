package com.capitalledger.core.shared;

/** Identifies a program, such as {@code STARGATE}; also the identifier of its event stream. */
public record ProgramId(String value) {

    public ProgramId {
        Ids.require("programId", value);
    }

    /** Axon uses the identifier's {@code toString} as the stream id, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
