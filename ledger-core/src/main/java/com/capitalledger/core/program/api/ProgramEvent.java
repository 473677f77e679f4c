package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.LedgerEvent;

/** A fact about one program, stored in the program's event stream; the program's state evolves by these alone. */
public interface ProgramEvent extends LedgerEvent {

    ProgramId programId();
}
