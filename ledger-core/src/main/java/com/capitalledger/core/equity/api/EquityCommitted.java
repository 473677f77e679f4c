package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An investor committed equity to the program. */
@Revision("1")
public record EquityCommitted(ProgramId programId, InvestorId investorId, String investorName, Money amount,
                              LocalDate effectiveDate) implements EquityEvent {
}
