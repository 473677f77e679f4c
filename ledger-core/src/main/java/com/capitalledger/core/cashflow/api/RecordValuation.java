package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records the value of the program's equity on a date (at least zero, in the program's currency); replaces an earlier
 * valuation of the same date. Effective on the valuation date and back-datable like a fixing: a valuation is an
 * appraisal of a past date, arriving after it.
 */
public record RecordValuation(@TargetAggregateIdentifier ProgramId programId, LocalDate valuationDate,
                              BigDecimal equityValue, String currency) implements ProgramCommand {

    @Override
    public LocalDate effectiveDate() {
        return valuationDate;
    }
}
