package com.capitalledger.core.program;

import com.capitalledger.core.calc.Ratios;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;

import java.math.BigDecimal;

import static com.capitalledger.core.shared.RejectionCode.GEARING_COVENANT_BREACH;

/**
 * The draw-stop: after a draw, (debt outstanding) × 100 ≤ max debt % × (debt outstanding + paid-in equity), exactly.
 * It weighs the debt book against the equity book.
 */
final class GearingCovenant {

    private GearingCovenant() {
    }

    static void check(ProgramState state, Money draw) {
        ProgramTerms terms = state.terms();
        Money debtAfter = state.debt().outstanding(terms.currency()).plus(draw);
        Money paidIn = state.equity().paidIn(terms.currency());
        BigDecimal maxDebtPct = terms.maxDebt().percent();
        if (!Ratios.withinGearing(debtAfter.amount(), paidIn.amount(), maxDebtPct)) {
            throw new LedgerRejection(GEARING_COVENANT_BREACH, "draw " + draw + " would bring debt to " + debtAfter
                    + " against paid-in equity " + paidIn + ": "
                    + Ratios.gearingPct(debtAfter.amount(), paidIn.amount()).toPlainString()
                    + "% of capitalisation, above the maximum " + maxDebtPct.toPlainString() + "%");
        }
    }
}
