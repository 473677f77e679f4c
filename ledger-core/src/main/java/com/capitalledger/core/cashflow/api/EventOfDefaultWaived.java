package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An event of default was waived from {@code effectiveDate}; views before that date show it open. */
@Revision("1")
public record EventOfDefaultWaived(ProgramId programId, EventOfDefaultId eventOfDefaultId, String reason,
                                   LocalDate effectiveDate) implements CashFlowEvent {
}
