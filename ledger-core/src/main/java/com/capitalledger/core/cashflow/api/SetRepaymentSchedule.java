package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Sets a tranche's repayment schedule; replaces an earlier one until its first installment has fallen due. */
public record SetRepaymentSchedule(@TargetAggregateIdentifier ProgramId programId, TrancheId trancheId,
                                   List<ProposedInstallment> installments, LocalDate effectiveDate)
        implements ProgramCommand {

    public SetRepaymentSchedule {
        installments = installments == null ? null : List.copyOf(installments);
    }
}
