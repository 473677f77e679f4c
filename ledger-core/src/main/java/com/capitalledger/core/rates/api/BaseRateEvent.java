package com.capitalledger.core.rates.api;

import com.capitalledger.core.shared.LedgerEvent;

/**
 * A fact in a base rate's own stream, shared by every program. Sealed per package, as
 * {@code EquityEvent} (equity.api) explains.
 */
public sealed interface BaseRateEvent extends LedgerEvent permits BaseRateFixed {
}
