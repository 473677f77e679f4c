package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Adds a phase with its budget; all phase budgets together stay within the program's target. */
public record CreatePhase(@TargetAggregateIdentifier ProgramId programId, PhaseId phaseId, String name, BigDecimal budget,
                          String currency, LocalDate effectiveDate) implements ProgramCommand {
}
