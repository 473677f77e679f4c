package com.capitalledger.core.debt;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The debt side of a program: each tranche with its syndicate, seniority and accruals, and the draw and repayment ids
 * already used. Evolves by debt events, in place, and by the principal a waterfall pays ({@link #repaid}, applied by
 * the program: the waterfall is not a debt event); it decides nothing (the program's decisions read it).
 */
public final class DebtBook {

    private final SortedMap<TrancheId, TrancheAccount> tranches = new TreeMap<>();
    private final Set<DrawId> drawIds = new HashSet<>();
    private final Set<RepaymentId> repaymentIds = new HashSet<>();
    private final SortedMap<TrancheId, Seniority> seniority = new TreeMap<>();
    /** Each tranche's dated balances, draws and margins: what the waterfall accrues interest and fees on. */
    private final SortedMap<TrancheId, TrancheAccruals> accruals = new TreeMap<>();
    /** Σ (drawn − repaid) over every tranche, kept as events arrive: the covenant asks for it on every draw. */
    private BigDecimal outstanding = BigDecimal.ZERO.setScale(Money.SCALE);

    public Optional<TrancheAccount> tranche(TrancheId id) {
        return Optional.ofNullable(tranches.get(id));
    }

    public boolean hasDraw(DrawId id) {
        return drawIds.contains(id);
    }

    public boolean hasRepayment(RepaymentId id) {
        return repaymentIds.contains(id);
    }

    /** Every tranche, in id order. */
    public SortedMap<TrancheId, TrancheAccount> tranches() {
        return java.util.Collections.unmodifiableSortedMap(tranches);
    }

    public Seniority seniority(TrancheId id) {
        return seniority.get(id);
    }

    /** The tranche's accruals, to read only: the book alone changes them. */
    public TrancheAccruals accruals(TrancheId id) {
        return accruals.get(id);
    }

    /**
     * Principal repaid on {@code day} outside a repayment command (a waterfall's), split across the lenders as
     * given: it reduces the outstanding and stops accruing on its date like a repayment.
     */
    public void repaid(TrancheId id, List<LenderShare> shares, LocalDate day) {
        BigDecimal amount = shares.stream().map(share -> share.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (tranches.computeIfPresent(id, (key, tranche) -> tranche.withRepayment(shares)) != null) {
            accruals.get(id).repaid(day, amount);
            outstanding = outstanding.add(amount.negate());
        }
    }

    /** Drawn minus repaid, over every tranche. */
    public Money outstanding(CurrencyCode currency) {
        return new Money(outstanding, currency);
    }

    /** Applies a debt event; other events leave the book as it is.  */
    public void apply(ProgramEvent event) {
        if (event instanceof DebtEvent debtEvent) {
            debtEvent.accept(new Evolution());
        }
    }

    /**
     * How each event of the family changes the book. Made per event, never kept in a field: the program aggregate's
     * snapshots serialize its state, the books included.
     */
    private final class Evolution implements DebtEvent.Visitor<Void> {

        @Override
        public Void created(TrancheCreated created) {
            TrancheAccount tranche = new TrancheAccount(created.phaseId(), created.commitment(), created.baseRate(),
                    created.effectiveDate(), created.availabilityEnd(), new TreeMap<>());
            for (Lender lender : created.lenders()) {
                tranche = tranche.withLender(lender.lenderId(), lender.commitment());
            }
            tranches.put(created.trancheId(), tranche);
            seniority.put(created.trancheId(), created.seniority());
            accruals.put(created.trancheId(), new TrancheAccruals(created.effectiveDate(), created.availabilityEnd(),
                    created.commitment().amount(), created.commitmentFeePct().percent(), created.marginPct().percent()));
            return null;
        }

        @Override
        public Void drawn(TrancheDrawn drawn) {
            if (tranches.computeIfPresent(drawn.trancheId(), (id, tranche) -> tranche.withDraw(drawn.lenderShares()))
                    != null) {
                accruals.get(drawn.trancheId()).drawn(drawn.effectiveDate(), drawn.amount().amount());
            }
            drawIds.add(drawn.drawId());
            outstanding = outstanding.add(drawn.amount().amount());
            return null;
        }

        @Override
        public Void repaid(TrancheRepaid repaid) {
            if (tranches.computeIfPresent(repaid.trancheId(),
                    (id, tranche) -> tranche.withRepayment(repaid.lenderShares())) != null) {
                accruals.get(repaid.trancheId()).repaid(repaid.effectiveDate(), repaid.amount().amount());
            }
            repaymentIds.add(repaid.repaymentId());
            outstanding = outstanding.subtract(repaid.amount().amount());
            return null;
        }

        @Override
        public Void repriced(TrancheRepriced repriced) {
            TrancheAccruals tranche = accruals.get(repriced.trancheId());
            if (tranche != null) {
                tranche.repriced(repriced.effectiveDate(), repriced.newMarginPct().percent());
            }
            return null;
        }
    }
}
