package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Lowers an investor's commitment by at most its unfunded part. */
public record ReduceCommitment(@TargetAggregateIdentifier ProgramId programId, InvestorId investorId, BigDecimal amount,
                               String currency, LocalDate effectiveDate) implements ProgramCommand {
}
