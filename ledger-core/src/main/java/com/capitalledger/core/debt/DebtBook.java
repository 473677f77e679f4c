package com.capitalledger.core.debt;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramEvent;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The debt side of a program: each tranche with its syndicate, and the draw and repayment ids already used. Evolves
 * by debt events only, in place; it decides nothing (the program's decisions read it).
 */
public final class DebtBook {

    private final SortedMap<TrancheId, TrancheAccount> tranches = new TreeMap<>();
    private final Set<DrawId> drawIds = new HashSet<>();
    private final Set<RepaymentId> repaymentIds = new HashSet<>();
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

    /** Drawn minus repaid, over every tranche. */
    public Money outstanding(CurrencyCode currency) {
        return new Money(outstanding, currency);
    }

    /** Applies a debt event; other events leave the book as it is. Repricings change nothing a decision reads. */
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
            return null;
        }

        @Override
        public Void drawn(TrancheDrawn drawn) {
            tranches.computeIfPresent(drawn.trancheId(), (id, tranche) -> tranche.withDraw(drawn.lenderShares()));
            drawIds.add(drawn.drawId());
            outstanding = outstanding.add(drawn.amount().amount());
            return null;
        }

        @Override
        public Void repaid(TrancheRepaid repaid) {
            tranches.computeIfPresent(repaid.trancheId(),
                    (id, tranche) -> tranche.withRepayment(repaid.lenderShares()));
            repaymentIds.add(repaid.repaymentId());
            outstanding = outstanding.subtract(repaid.amount().amount());
            return null;
        }

        @Override
        public Void repriced(TrancheRepriced repriced) {
            return null;
        }
    }
}
