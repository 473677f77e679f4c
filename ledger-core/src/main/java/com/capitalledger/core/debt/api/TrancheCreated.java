package com.capitalledger.core.debt.api;

import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A debt tranche was opened with its terms and its syndicate. */
@Revision("1")
public record TrancheCreated(ProgramId programId, TrancheId trancheId, PhaseId phaseId, String name,
                             Seniority seniority, Money commitment, BaseRateName baseRate, Rate marginPct,
                             Rate commitmentFeePct, LocalDate availabilityEnd, List<Lender> lenders,
                             LocalDate effectiveDate) implements DebtEvent {

    public TrancheCreated {
        lenders = List.copyOf(lenders);
    }
}
