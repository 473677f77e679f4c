package com.capitalledger.api.program;

/** The result of an accepted command: which aggregate it changed and the version that change produced. */
public record CommandAccepted(String programId, long version) {
}
