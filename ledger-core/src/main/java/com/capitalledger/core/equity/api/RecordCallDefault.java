package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records that an investor did not fund its allocation of a call. */
public record RecordCallDefault(@TargetAggregateIdentifier ProgramId programId, CallId callId, InvestorId investorId,
                                LocalDate effectiveDate) implements ProgramCommand {
}
