package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An investor's commitment fell by {@code amount}. */
@Revision("1")
public record CommitmentReduced(ProgramId programId, InvestorId investorId, Money amount, LocalDate effectiveDate) implements EquityEvent {
}
