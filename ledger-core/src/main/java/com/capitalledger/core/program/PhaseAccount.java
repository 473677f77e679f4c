package com.capitalledger.core.program;

import com.capitalledger.core.shared.Money;

/**
 * A phase's budget and what has been deployed against it: equity called (defaults included) and debt drawn. The
 * budget check and the phases read model both derive deployment from it.
 */
public record PhaseAccount(Money budget, Money equityCalled, Money debtDrawn) {

    public static PhaseAccount opened(Money budget) {
        Money zero = Money.zero(budget.currency());
        return new PhaseAccount(budget, zero, zero);
    }

    public Money deployed() {
        return equityCalled.plus(debtDrawn);
    }

    /** What the budget still allows. */
    public Money remaining() {
        return budget.minus(deployed());
    }

    public PhaseAccount withEquityCalled(Money amount) {
        return new PhaseAccount(budget, equityCalled.plus(amount), debtDrawn);
    }

    public PhaseAccount withDebtDrawn(Money amount) {
        return new PhaseAccount(budget, equityCalled, debtDrawn.plus(amount));
    }
}
