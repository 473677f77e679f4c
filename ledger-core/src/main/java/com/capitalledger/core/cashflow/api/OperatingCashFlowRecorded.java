package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A period's operating cash flow was recorded (a later one for the same period replaces it). {@code cfads} = revenue
 * − operating costs − taxes − maintenance capex, two decimals, possibly negative; {@code effectiveDate} is the
 * period end.
 */
@Revision("1")
public record OperatingCashFlowRecorded(ProgramId programId, LocalDate periodEnd, Money revenue,
                                        Money operatingCosts, Money taxes, Money maintenanceCapex, BigDecimal cfads,
                                        LocalDate effectiveDate) implements CashFlowEvent {
}
