package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records that a defaulted allocation has been funded after all. */
public record CureCallDefault(@TargetAggregateIdentifier ProgramId programId, CallId callId, InvestorId investorId,
                              LocalDate effectiveDate) implements ProgramCommand {
}
