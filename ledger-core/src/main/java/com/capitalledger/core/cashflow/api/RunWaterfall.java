package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Runs the waterfall of the period ending {@code periodEnd}; it takes effect on the payment date, the day after. */
public record RunWaterfall(@TargetAggregateIdentifier ProgramId programId, LocalDate periodEnd)
        implements ProgramCommand {

    /** The payment date: the period end + 1 day (an invalid period end is refused by the decision, not here). */
    @Override
    public LocalDate effectiveDate() {
        return periodEnd == null ? null : periodEnd.plusDays(1);
    }
}
