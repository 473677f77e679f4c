package com.capitalledger.core.program;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramId;

/** What a program was opened with: its one currency, the target its phase budgets stay within, its maximum debt share. */
public record ProgramTerms(ProgramId programId, CurrencyCode currency, Money target, Percentage maxDebt) {

    static ProgramTerms of(ProgramCreated created) {
        return new ProgramTerms(created.programId(), created.currency(), created.targetAmount(), created.maxDebtPct());
    }
}
