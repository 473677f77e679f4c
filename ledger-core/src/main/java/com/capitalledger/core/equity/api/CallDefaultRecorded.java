package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An investor defaulted on its allocation of a call; {@code amount} stays called but is not paid in. */
@Revision("1")
public record CallDefaultRecorded(ProgramId programId, CallId callId, InvestorId investorId, Money amount,
                                  LocalDate effectiveDate) implements EquityEvent {
}
