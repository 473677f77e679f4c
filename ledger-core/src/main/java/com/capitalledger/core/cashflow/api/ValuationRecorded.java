package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The program's equity was valued on {@code valuationDate} (a later valuation of the same date replaces it); the
 * investors' NAV from that date until the next valuation is this value split pro rata to paid-in.
 * {@code effectiveDate} is the valuation date.
 */
@Revision("1")
public record ValuationRecorded(ProgramId programId, LocalDate valuationDate, Money equityValue,
                                LocalDate effectiveDate) implements CashFlowEvent {
}
