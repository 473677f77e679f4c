package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A program was opened with its currency, target amount and maximum debt share. */
@Revision("1")
public record ProgramCreated(ProgramId programId,
                             String name,
                             CurrencyCode currency,
                             Money targetAmount,
                             Percentage maxDebtPct,
                             LocalDate effectiveDate) implements ProgramStructureEvent {
}
