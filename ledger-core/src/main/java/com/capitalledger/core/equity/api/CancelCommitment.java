package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Cancels an investor's unfunded commitment: committed becomes what has been called. */
public record CancelCommitment(@TargetAggregateIdentifier ProgramId programId, InvestorId investorId, LocalDate effectiveDate) implements ProgramCommand {
}
