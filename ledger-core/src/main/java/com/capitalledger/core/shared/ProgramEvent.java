package com.capitalledger.core.shared;

/** A fact about one program, stored in the program's event stream; the program's state evolves by these alone. */
public interface ProgramEvent extends LedgerEvent {

    ProgramId programId();
}
