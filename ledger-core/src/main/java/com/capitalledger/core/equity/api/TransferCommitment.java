package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Moves unfunded commitment from one investor to another. */
public record TransferCommitment(@TargetAggregateIdentifier ProgramId programId, InvestorId fromInvestorId, InvestorId toInvestorId,
                                 BigDecimal amount, String currency, LocalDate effectiveDate) implements ProgramCommand {
}
