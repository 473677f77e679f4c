package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program's debt: a tranche opened, drawn, repaid or repriced. Sealed per package, as
 * {@code EquityEvent} (equity.api) explains.
 */
public sealed interface DebtEvent extends ProgramEvent
        permits TrancheCreated, TrancheDrawn, TrancheRepaid, TrancheRepriced {

    /** This event handed to the visitor's method for its kind: the one place debt events are told apart. */
    default <R> R accept(Visitor<R> visitor) {
        if (this instanceof TrancheCreated e) {
            return visitor.created(e);
        } else if (this instanceof TrancheDrawn e) {
            return visitor.drawn(e);
        } else if (this instanceof TrancheRepaid e) {
            return visitor.repaid(e);
        }
        return visitor.repriced((TrancheRepriced) this);
    }

    /** One method per kind of debt event, so whoever handles them handles every kind (a new one must be added). */
    interface Visitor<R> {
        R created(TrancheCreated event);

        R drawn(TrancheDrawn event);

        R repaid(TrancheRepaid event);

        R repriced(TrancheRepriced event);
    }
}
