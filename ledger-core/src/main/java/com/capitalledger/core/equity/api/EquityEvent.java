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

    /** This event handed to the visitor's method for its kind: the one place equity events are told apart. */
    default <R> R accept(Visitor<R> visitor) {
        if (this instanceof EquityCommitted e) {
            return visitor.committed(e);
        } else if (this instanceof CommitmentIncreased e) {
            return visitor.increased(e);
        } else if (this instanceof CommitmentReduced e) {
            return visitor.reduced(e);
        } else if (this instanceof CommitmentCancelled e) {
            return visitor.cancelled(e);
        } else if (this instanceof CommitmentTransferred e) {
            return visitor.transferred(e);
        } else if (this instanceof CapitalCalled e) {
            return visitor.called(e);
        } else if (this instanceof CallDefaultRecorded e) {
            return visitor.defaultRecorded(e);
        }
        return visitor.defaultCured((CallDefaultCured) this);
    }

    /** One method per kind of equity event, so whoever handles them handles every kind (a new one must be added). */
    interface Visitor<R> {
        R committed(EquityCommitted event);

        R increased(CommitmentIncreased event);

        R reduced(CommitmentReduced event);

        R cancelled(CommitmentCancelled event);

        R transferred(CommitmentTransferred event);

        R called(CapitalCalled event);

        R defaultRecorded(CallDefaultRecorded event);

        R defaultCured(CallDefaultCured event);
    }
}
