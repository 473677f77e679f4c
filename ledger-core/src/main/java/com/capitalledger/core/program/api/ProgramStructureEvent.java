package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program itself or its phases. Sealed per package, as
 * {@link com.capitalledger.core.equity.api.EquityEvent} explains: {@link ProgramEvent} cannot be sealed, its other
 * events live in the equity and debt packages.
 */
public sealed interface ProgramStructureEvent extends ProgramEvent permits ProgramCreated, PhaseCreated {

    /** This event handed to the visitor's method for its kind: the one place these events are told apart. */
    default <R> R accept(Visitor<R> visitor) {
        if (this instanceof ProgramCreated e) {
            return visitor.programCreated(e);
        }
        return visitor.phaseCreated((PhaseCreated) this);
    }

    /** One method per kind of program-structure event, so whoever handles them handles every kind. */
    interface Visitor<R> {
        R programCreated(ProgramCreated event);

        R phaseCreated(PhaseCreated event);
    }
}
