package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A defaulted allocation of {@code amount} was funded after all. */
@Revision("1")
public record CallDefaultCured(ProgramId programId, CallId callId, InvestorId investorId, Money amount,
                               LocalDate effectiveDate) implements EquityEvent {
}
