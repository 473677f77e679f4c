package com.capitalledger.core.program;

import com.capitalledger.core.shared.Money;

/** A phase's budget and what has been deployed against it: equity called (defaults included) and debt drawn. */
public record PhaseAccount(Money budget, Money equityCalled, Money debtDrawn) {

    static PhaseAccount opened(Money budget) {
        Money zero = Money.zero(budget.currency());
        return new PhaseAccount(budget, zero, zero);
    }

    public Money deployed() {
        return equityCalled.plus(debtDrawn);
    }

    PhaseAccount withEquityCalled(Money amount) {
        return new PhaseAccount(budget, equityCalled.plus(amount), debtDrawn);
    }

    PhaseAccount withDebtDrawn(Money amount) {
        return new PhaseAccount(budget, equityCalled, debtDrawn.plus(amount));
    }
}
