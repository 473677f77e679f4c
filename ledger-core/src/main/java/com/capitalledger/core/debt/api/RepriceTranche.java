package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Changes a tranche's margin from a date on; may be back-dated as a correction. */
public record RepriceTranche(@TargetAggregateIdentifier ProgramId programId, TrancheId trancheId, BigDecimal newMarginPct,
                             LocalDate effectiveDate) implements ProgramCommand {
}
