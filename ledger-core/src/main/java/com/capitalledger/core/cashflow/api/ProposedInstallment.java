package com.capitalledger.core.cashflow.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An installment as a command proposes it, before its percentage is checked. */
public record ProposedInstallment(LocalDate dueDate, BigDecimal pct) {
}
