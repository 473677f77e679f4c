package com.capitalledger.projections.program;

/** Asks for one program's summary; answered with an empty result when the program is unknown. */
public record FindProgram(String programId) {
}
