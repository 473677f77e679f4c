package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a period's operating cash flow (amounts at least zero, in the program's currency); replaces an earlier
 * record of the same period until that period's waterfall has run. Effective on the period end, and exempt from
 * BACKDATED_COMMAND: actuals arrive after the period.
 */
public record RecordOperatingCashFlow(@TargetAggregateIdentifier ProgramId programId, LocalDate periodEnd,
                                      BigDecimal revenue, BigDecimal operatingCosts, BigDecimal taxes,
                                      BigDecimal maintenanceCapex, String currency) implements ProgramCommand {

    @Override
    public LocalDate effectiveDate() {
        return periodEnd;
    }
}
