package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Raises an investor's commitment. */
public record IncreaseCommitment(@TargetAggregateIdentifier ProgramId programId, InvestorId investorId, BigDecimal amount,
                                 String currency, LocalDate effectiveDate) implements ProgramCommand {
}
