package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Money;

/** A lender in a tranche's syndicate with its accepted commitment. */
public record Lender(LenderId lenderId, String name, Money commitment) {
}
