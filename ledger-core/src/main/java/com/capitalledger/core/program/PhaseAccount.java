package com.capitalledger.core.program;

import java.math.BigDecimal;

/** A phase's budget and what has been deployed against it: equity called (defaults included) and debt drawn. */
record PhaseAccount(BigDecimal budget, BigDecimal equityCalled, BigDecimal debtDrawn) {

    BigDecimal deployed() {
        return equityCalled.add(debtDrawn);
    }

    PhaseAccount withEquityCalled(BigDecimal amount) {
        return new PhaseAccount(budget, equityCalled.add(amount), debtDrawn);
    }

    PhaseAccount withDebtDrawn(BigDecimal amount) {
        return new PhaseAccount(budget, equityCalled, debtDrawn.add(amount));
    }
}
