package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The program's operating terms were set (or replaced, before the first waterfall). DSCRs have up to 4 dp. */
@Revision("1")
public record OperatingTermsSet(ProgramId programId, LocalDate operationsStart, int periodMonths,
                                BigDecimal lockUpDscr, BigDecimal defaultDscr, int dsraPeriods,
                                LocalDate effectiveDate) implements CashFlowEvent {
}
