package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program's equity: commitments, capital calls and their defaults. Sealed here, not at
 * {@link ProgramEvent}: on the class path (an unnamed module, as the service runs) a sealed type may only permit
 * subtypes of its own package, and the events cannot move, since the event store names each payload by its class.
 */
public sealed interface EquityEvent extends ProgramEvent
        permits EquityCommitted, CommitmentIncreased, CommitmentReduced, CommitmentCancelled, CommitmentTransferred,
        CapitalCalled, CallDefaultRecorded, CallDefaultCured {
}
