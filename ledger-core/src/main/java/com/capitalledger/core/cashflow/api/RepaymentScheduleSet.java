package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A tranche's repayment schedule was set: due dates strictly increasing, percentages summing to exactly 100. */
@Revision("1")
public record RepaymentScheduleSet(ProgramId programId, TrancheId trancheId, List<Installment> installments,
                                   LocalDate effectiveDate) implements CashFlowEvent {

    public RepaymentScheduleSet {
        installments = List.copyOf(installments);
    }
}
