package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The lenders waive an open event of default from {@code effectiveDate}; a reason is required. */
public record WaiveEventOfDefault(@TargetAggregateIdentifier ProgramId programId, EventOfDefaultId eventOfDefaultId,
                                  String reason, LocalDate effectiveDate) implements ProgramCommand {
}
