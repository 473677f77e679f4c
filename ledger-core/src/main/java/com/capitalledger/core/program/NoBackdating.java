package com.capitalledger.core.program;

import com.capitalledger.core.shared.LedgerRejection;

import java.time.LocalDate;

import static com.capitalledger.core.shared.RejectionCode.BACKDATED_COMMAND;

/** A command may not take effect before the program's latest effective date (fixings and repricings excepted). */
final class NoBackdating {

    private NoBackdating() {
    }

    static void check(ProgramState state, LocalDate effectiveDate) {
        LocalDate latest = state.latestEffectiveDate();
        if (effectiveDate.isBefore(latest)) {
            throw new LedgerRejection(BACKDATED_COMMAND, "effective date " + effectiveDate + " precedes program "
                    + state.terms().programId() + "'s latest effective date " + latest);
        }
    }
}
