package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Unfunded commitment of {@code amount} moved from one investor to another. */
@Revision("1")
public record CommitmentTransferred(ProgramId programId, InvestorId fromInvestorId, InvestorId toInvestorId, Money amount,
                                    LocalDate effectiveDate) implements EquityEvent {
}
