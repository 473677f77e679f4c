package com.capitalledger.projections.fold.debt;

import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.debt.DebtMovement.Drawn;
import com.capitalledger.projections.fold.debt.DebtMovement.LenderCommitted;
import com.capitalledger.projections.fold.debt.DebtMovement.Repaid;
import com.capitalledger.projections.fold.debt.DebtMovement.Repriced;
import com.capitalledger.projections.fold.debt.DebtMovement.TrancheOpened;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps debt events (and a waterfall's principal) to {@link DebtMovement}s and fixings to {@link FixingRow}s; pure. */
public final class DebtMovements {

    private DebtMovements() {
    }

    public static List<DebtMovement> of(Recorded<?> recorded) {
        if (recorded.event() instanceof WaterfallRun run) {
            return principal(recorded, run);
        }
        return recorded.event() instanceof DebtEvent event ? event.accept(new Mapping(recorded)) : List.of();
    }

    /**
     * A waterfall's principal is a repayment of each tranche it paid, on the payment date, split across the lenders
     * as the event says (section 10): the tranche's balances and accruals move as after a repayment.
     */
    private static List<DebtMovement> principal(Recorded<?> recorded, WaterfallRun run) {
        List<DebtMovement> movements = new ArrayList<>();
        for (WaterfallRun.TranchePayment payment : run.tranches()) {
            for (LenderShare share : payment.principalShares()) {
                if (share.amount().amount().signum() > 0) {
                    movements.add(new Repaid(recorded.globalIndex(), movements.size(), run.programId().value(),
                            payment.trancheId().value(), share.lenderId().value(), share.amount().amount(),
                            run.effectiveDate(), recorded.recordedAt()));
                }
            }
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

    private record Mapping(Recorded<?> recorded) implements DebtEvent.Visitor<List<DebtMovement>> {

        @Override
        public List<DebtMovement> created(TrancheCreated e) {
            long index = recorded.globalIndex();
            String program = e.programId().value();
            String tranche = e.trancheId().value();
            List<DebtMovement> movements = new ArrayList<>();
            movements.add(new TrancheOpened(index, 0, program, tranche, e.name(), e.phaseId().value(),
                    e.seniority().name(), e.baseRate().value(), e.marginPct().percent(),
                    e.commitmentFeePct().percent(), e.commitment().amount(), e.availabilityEnd(), e.effectiveDate(),
                    recorded.recordedAt()));
            for (Lender lender : e.lenders()) {
                movements.add(new LenderCommitted(index, movements.size(), program, tranche,
                        lender.lenderId().value(), lender.name(), lender.commitment().amount(), e.effectiveDate(),
                        recorded.recordedAt()));
            }
            return movements;
        }

        @Override
        public List<DebtMovement> drawn(TrancheDrawn e) {
            return shares(e, e.trancheId().value(), e.lenderShares(), Drawn::new);
        }

        @Override
        public List<DebtMovement> repaid(TrancheRepaid e) {
            return shares(e, e.trancheId().value(), e.lenderShares(), Repaid::new);
        }

        @Override
        public List<DebtMovement> repriced(TrancheRepriced e) {
            return List.of(new Repriced(recorded.globalIndex(), 0, e.programId().value(), e.trancheId().value(),
                    e.newMarginPct().percent(), e.effectiveDate(), recorded.recordedAt()));
        }
    
        private List<DebtMovement> shares(DebtEvent e, String tranche, List<LenderShare> shares, ShareMovement kind) {
            List<DebtMovement> movements = new ArrayList<>();
            for (LenderShare share : shares) {
                movements.add(kind.of(recorded.globalIndex(), movements.size(), e.programId().value(), tranche,
                        share.lenderId().value(), share.amount().amount(), e.effectiveDate(), recorded.recordedAt()));
            }
            return movements;
        }
    }

    /** A draw's or a repayment's movement for one lender's share. */
    @FunctionalInterface
    private interface ShareMovement {
        DebtMovement of(long globalIndex, int line, String programId, String trancheId, String lenderId,
                        BigDecimal amount, LocalDate effectiveDate, Instant recordedAt);
    }
}
