package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A tranche was drawn; {@code lenderShares} sum exactly to {@code amount}. */
@Revision("1")
public record TrancheDrawn(ProgramId programId, TrancheId trancheId, DrawId drawId, Money amount,
                           List<LenderShare> lenderShares, LocalDate effectiveDate) implements DebtEvent {

    public TrancheDrawn {
        lenderShares = List.copyOf(lenderShares);
    }
}
