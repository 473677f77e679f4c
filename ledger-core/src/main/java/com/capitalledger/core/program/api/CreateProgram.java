package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Opens a program: its one currency, the target it raises and the most of it that may be debt.
 * Figures arrive unvalidated; the aggregate checks them in the brief's order.
 */
public record CreateProgram(@TargetAggregateIdentifier ProgramId programId,
                            String name,
                            String currency,
                            BigDecimal targetAmount,
                            BigDecimal maxDebtPct,
                            LocalDate effectiveDate) implements ProgramCommand {
}
