package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Opens a debt tranche for a phase, with its syndicate of lenders whose commitments sum to the tranche's. */
public record CreateTranche(@TargetAggregateIdentifier ProgramId programId, TrancheId trancheId, PhaseId phaseId, String name,
                            Seniority seniority, BigDecimal commitment, String currency, String baseRate,
                            BigDecimal marginPct, BigDecimal commitmentFeePct, LocalDate availabilityEnd,
                            List<LenderCommitment> lenders, LocalDate effectiveDate) implements ProgramCommand {

    public CreateTranche {
        lenders = lenders == null ? null : List.copyOf(lenders);
    }
}
