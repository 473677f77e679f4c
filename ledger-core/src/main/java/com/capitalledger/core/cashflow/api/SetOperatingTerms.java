package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Sets how the program operates: when operations start, the period length (3 or 6 months), the DSCR thresholds of
 * the lock-up and of an event of default, and how many periods of senior debt service the DSRA holds (0-4).
 * Replaces earlier terms until the first waterfall has run.
 */
public record SetOperatingTerms(@TargetAggregateIdentifier ProgramId programId, LocalDate operationsStart,
                                int periodMonths, BigDecimal lockUpDscr, BigDecimal defaultDscr, int dsraPeriods,
                                LocalDate effectiveDate) implements ProgramCommand {
}
