package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Draws on a tranche; the amount is split across lenders pro rata to their undrawn commitment. */
public record DrawTranche(@TargetAggregateIdentifier ProgramId programId, TrancheId trancheId, DrawId drawId, BigDecimal amount,
                          String currency, LocalDate effectiveDate) implements ProgramCommand {
}
