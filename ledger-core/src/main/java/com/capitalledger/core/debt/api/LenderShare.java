package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Money;

/** One lender's part of a draw or a repayment. */
public record LenderShare(LenderId lenderId, Money amount) {
}
