package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A tranche was repaid; {@code lenderShares} sum exactly to {@code amount}. */
@Revision("1")
public record TrancheRepaid(ProgramId programId, TrancheId trancheId, RepaymentId repaymentId, Money amount,
                            List<LenderShare> lenderShares, LocalDate effectiveDate) implements DebtEvent {

    public TrancheRepaid {
        lenderShares = List.copyOf(lenderShares);
    }
}
