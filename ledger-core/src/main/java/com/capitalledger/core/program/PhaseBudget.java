package com.capitalledger.core.program;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;

import static com.capitalledger.core.shared.RejectionCode.PHASE_BUDGET_EXCEEDED;

/**
 * Equity called for a phase (defaults included) plus debt drawn on its tranches, plus the new amount, stays within the
 * phase's budget: checked on capital calls and draws, so it sees both books.
 */
final class PhaseBudget {

    private PhaseBudget() {
    }

    static void check(PhaseId phaseId, PhaseAccount phase, Money amount, String what) {
        Money deployedAfter = phase.deployed().plus(amount);
        if (deployedAfter.isGreaterThan(phase.budget())) {
            throw new LedgerRejection(PHASE_BUDGET_EXCEEDED, what + " of " + amount + " would bring phase " + phaseId
                    + " to " + deployedAfter + " deployed, budget " + phase.budget());
        }
    }
}
