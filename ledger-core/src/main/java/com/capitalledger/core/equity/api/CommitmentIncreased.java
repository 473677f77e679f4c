package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An investor's commitment rose by {@code amount}. */
@Revision("1")
public record CommitmentIncreased(ProgramId programId, InvestorId investorId, Money amount, LocalDate effectiveDate) implements EquityEvent {
}
