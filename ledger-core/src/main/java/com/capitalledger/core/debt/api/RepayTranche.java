package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Repays a tranche; the amount is split across lenders pro rata to their outstanding. */
public record RepayTranche(@TargetAggregateIdentifier ProgramId programId, TrancheId trancheId, RepaymentId repaymentId,
                           BigDecimal amount, String currency, LocalDate effectiveDate) implements ProgramCommand {
}
