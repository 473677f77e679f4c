package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.Percentage;

import java.time.LocalDate;

/** One installment of a repayment schedule: the payment date it falls due on and its share of the base B. */
public record Installment(LocalDate dueDate, Percentage pct) {
}
