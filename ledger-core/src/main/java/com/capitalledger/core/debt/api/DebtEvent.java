package com.capitalledger.core.debt.api;

import com.capitalledger.core.program.api.ProgramEvent;

/**
 * A fact about the program's debt: a tranche opened, drawn, repaid or repriced. Sealed per package, as
 * {@link com.capitalledger.core.equity.api.EquityEvent} explains.
 */
public sealed interface DebtEvent extends ProgramEvent
        permits TrancheCreated, TrancheDrawn, TrancheRepaid, TrancheRepriced {
}
