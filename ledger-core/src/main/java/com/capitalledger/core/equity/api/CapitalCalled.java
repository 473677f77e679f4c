package com.capitalledger.core.equity.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Capital was called for a phase; {@code allocations} says what each investor owes, in investor order, summing exactly to {@code amount}. */
@Revision("1")
public record CapitalCalled(ProgramId programId, CallId callId, PhaseId phaseId, Money amount, String purpose,
                            List<Allocation> allocations, LocalDate effectiveDate) implements EquityEvent {

    public CapitalCalled {
        allocations = List.copyOf(allocations);
    }
}
