package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;

/** One investor's share of a capital call. */
public record Allocation(InvestorId investorId, Money amount) {
}
