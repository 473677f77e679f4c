package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program's debt: a tranche opened, drawn, repaid or repriced. Sealed per package, as
 * {@code EquityEvent} (equity.api) explains.
 */
public sealed interface DebtEvent extends ProgramEvent
        permits TrancheCreated, TrancheDrawn, TrancheRepaid, TrancheRepriced {
}
