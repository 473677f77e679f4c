package com.capitalledger.core.program;

import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.CallRecord;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;

import java.math.BigDecimal;

import static com.capitalledger.core.shared.RejectionCode.CURRENCY_MISMATCH;
import static com.capitalledger.core.shared.RejectionCode.UNKNOWN_CALL;
import static com.capitalledger.core.shared.RejectionCode.UNKNOWN_INVESTOR;
import static com.capitalledger.core.shared.RejectionCode.UNKNOWN_PHASE;
import static com.capitalledger.core.shared.RejectionCode.UNKNOWN_TRANCHE;

/** The checks every decision starts with: the ids it names exist, and its amount is money of the program's currency. */
final class Require {

    private Require() {
    }

    static InvestorAccount investor(ProgramState state, InvestorId id) {
        return state.equity().investor(id).orElseThrow(() -> new LedgerRejection(UNKNOWN_INVESTOR,
                "investor " + id + " has no commitment in program " + state.terms().programId()));
    }

    static PhaseAccount phase(ProgramState state, PhaseId id) {
        return state.phase(id).orElseThrow(() -> new LedgerRejection(UNKNOWN_PHASE,
                "phase " + id + " does not exist in program " + state.terms().programId()));
    }

    static CallRecord call(ProgramState state, CallId id) {
        return state.equity().call(id).orElseThrow(() -> new LedgerRejection(UNKNOWN_CALL,
                "capital call " + id + " does not exist in program " + state.terms().programId()));
    }

    static TrancheAccount tranche(ProgramState state, TrancheId id) {
        return state.debt().tranche(id).orElseThrow(() -> new LedgerRejection(UNKNOWN_TRANCHE,
                "tranche " + id + " does not exist in program " + state.terms().programId()));
    }

    /** Currency first, then the amount's format: the brief's check order. */
    static Money money(ProgramState state, BigDecimal amount, String currencyCode) {
        return Money.of(amount, currency(state, currencyCode));
    }

    /** The command's currency is the program's. */
    static CurrencyCode currency(ProgramState state, String currencyCode) {
        ProgramTerms terms = state.terms();
        if (!terms.currency().code().equals(currencyCode)) {
            throw new LedgerRejection(CURRENCY_MISMATCH, "program " + terms.programId() + " is in " + terms.currency()
                    + "; the command is in " + currencyCode);
        }
        return terms.currency();
    }
}
