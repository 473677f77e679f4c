package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An investor commits equity to the program for the first time. */
public record CommitEquity(@TargetAggregateIdentifier ProgramId programId, InvestorId investorId, String investorName,
                           BigDecimal amount, String currency, LocalDate effectiveDate) implements ProgramCommand {
}
