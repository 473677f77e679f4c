package com.capitalledger.core.shared;

/** A command addressed to one program: decided by the program's decision code, live or in a what-if replay. */
public interface ProgramCommand extends LedgerCommand {

    ProgramId programId();
}
