package com.capitalledger.projections.fold.debt;

import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.debt.DebtMovement.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps debt events to {@link DebtMovement}s and fixings to {@link FixingRow}s; pure. */
public final class DebtMovements {

    private DebtMovements() {
    }

    public static List<DebtMovement> of(Recorded<?> recorded) {
        List<DebtMovement> movements = new ArrayList<>();
        long index = recorded.globalIndex();
        Object event = recorded.event();
        if (event instanceof TrancheCreated e) {
            String program = e.programId().value();
            String tranche = e.trancheId().value();
            movements.add(new DebtMovement(index, 0, program, tranche, Kind.TRANCHE_CREATED, null, e.name(),
                    e.phaseId().value(), e.seniority().name(), e.baseRate().value(), e.marginPct().percent(),
                    e.commitmentFeePct().percent(), e.commitment().amount(), e.availabilityEnd(), e.effectiveDate(),
                    recorded.recordedAt()));
            for (Lender lender : e.lenders()) {
                movements.add(new DebtMovement(index, movements.size(), program, tranche, Kind.LENDER_COMMITTED,
                        lender.lenderId().value(), lender.name(), null, null, null, null, null,
                        lender.commitment().amount(), null, e.effectiveDate(), recorded.recordedAt()));
            }
        } else if (event instanceof TrancheDrawn e) {
            shares(recorded, e.programId().value(), e.trancheId().value(), Kind.DRAWN, e.lenderShares(),
                    e.effectiveDate(), movements);
        } else if (event instanceof TrancheRepaid e) {
            shares(recorded, e.programId().value(), e.trancheId().value(), Kind.REPAID, e.lenderShares(),
                    e.effectiveDate(), movements);
        } else if (event instanceof TrancheRepriced e) {
            movements.add(new DebtMovement(index, 0, e.programId().value(), e.trancheId().value(), Kind.REPRICED, null,
                    null, null, null, null, e.newMarginPct().percent(), null, null, null, e.effectiveDate(),
                    recorded.recordedAt()));
        }
        return movements;
    }

    public static Optional<FixingRow> fixing(Recorded<?> recorded) {
        if (recorded.event() instanceof BaseRateFixed e) {
            return Optional.of(new FixingRow(recorded.globalIndex(), e.rateName().value(), e.ratePct().percent(),
                    e.effectiveDate(), recorded.recordedAt()));
        }
        return Optional.empty();
    }

    private static void shares(Recorded<?> recorded, String program, String tranche, Kind kind, List<LenderShare> shares,
                               java.time.LocalDate effectiveDate, List<DebtMovement> movements) {
        for (LenderShare share : shares) {
            movements.add(new DebtMovement(recorded.globalIndex(), movements.size(), program, tranche, kind,
                    share.lenderId().value(), null, null, null, null, null, null, share.amount().amount(), null,
                    effectiveDate, recorded.recordedAt()));
        }
    }
}
