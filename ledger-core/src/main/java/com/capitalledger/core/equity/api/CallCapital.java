package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Calls capital for a phase, split among eligible investors pro rata to their unfunded commitment. */
public record CallCapital(@TargetAggregateIdentifier ProgramId programId, CallId callId, PhaseId phaseId, BigDecimal amount,
                          String currency, String purpose, LocalDate effectiveDate) implements ProgramCommand {
}
