package com.capitalledger.core.rates.api;

import com.capitalledger.core.shared.LedgerEvent;

/**
 * A fact in a base rate's own stream, shared by every program. Sealed per package, as
 * {@link com.capitalledger.core.equity.api.EquityEvent} explains.
 */
public sealed interface BaseRateEvent extends LedgerEvent permits BaseRateFixed {
}
