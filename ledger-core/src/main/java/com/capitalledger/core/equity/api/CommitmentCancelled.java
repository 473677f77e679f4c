package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An investor's unfunded commitment, {@code amountCancelled}, was cancelled; committed now equals called. */
@Revision("1")
public record CommitmentCancelled(ProgramId programId, InvestorId investorId, Money amountCancelled, LocalDate effectiveDate) implements EquityEvent {
}
