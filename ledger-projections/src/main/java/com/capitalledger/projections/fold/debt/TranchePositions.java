package com.capitalledger.projections.fold.debt;

import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.TrancheAccruals;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.projections.fold.debt.DebtMovement.Drawn;
import com.capitalledger.projections.fold.debt.DebtMovement.LenderCommitted;
import com.capitalledger.projections.fold.debt.DebtMovement.Repaid;
import com.capitalledger.projections.fold.debt.DebtMovement.Repriced;
import com.capitalledger.projections.fold.debt.DebtMovement.TrancheOpened;
import com.capitalledger.projections.fold.debt.TranchePosition.LenderPosition;
import com.capitalledger.projections.fold.debt.TranchePosition.MarginChange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tranche read model of one program: a pure fold of {@link DebtMovement}s and the {@link FixingRow}s of the
 * rates its tranches float on, in stream order, into the core's {@link TrancheAccount}s (balances, lenders) and
 * {@link BaseRateHistory} (the rate in effect). Positions are then computed as of a date, accruals included.
 */
public final class TranchePositions {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

    private final CurrencyCode currency;
    private final Map<String, Tranche> tranches = new TreeMap<>();
    private final BaseRateHistory fixings = new BaseRateHistory();
    /** Whether any fixing was applied: a checkpoint holds the movements' fold alone. */
    private boolean fixed;

    private static final class Tranche {
        private final TrancheOpened terms;
        private TrancheAccount account;
        private final Map<String, String> lenderNames = new HashMap<>();
        private final TrancheAccruals accruals;

        private Tranche(TrancheOpened terms, TrancheAccount account) {
            this(terms, account, new TrancheAccruals(terms.effectiveDate(), terms.availabilityEnd(),
                    terms.commitment(), terms.feePct(), terms.marginPct()));
        }

        private Tranche(TrancheOpened terms, TrancheAccount account, TrancheAccruals accruals) {
            this.terms = terms;
            this.account = account;
            this.accruals = accruals;
        }

        private Tranche copy() {
            Tranche copy = new Tranche(terms, account, accruals.copy());
            copy.lenderNames.putAll(lenderNames);
            return copy;
        }
    }

    /** @param currency the program's: the amounts of its tranches */
    public TranchePositions(CurrencyCode currency) {
        this.currency = currency;
    }

    /**
     * A program's tranches folded from its movements and the fixings of the rates they float on, which
     * {@code fixingsOf} selects by rate name (from memory or from storage): the one place that choice is made.
     */
    public static TranchePositions of(CurrencyCode currency, List<DebtMovement> movements,
                                      Function<List<String>, List<FixingRow>> fixingsOf) {
        List<String> rates = movements.stream().map(m -> m instanceof TrancheOpened opened ? opened.baseRate() : null)
                .filter(Objects::nonNull).distinct().toList();
        TranchePositions positions = new TranchePositions(currency);
        fixingsOf.apply(rates).forEach(positions::apply);
        movements.forEach(positions::apply);
        return positions;
    }

    /**
     * The fixings of the rates its tranches float on, {@code fixingsOf} selecting them by rate name: for a fold of
     * the movements alone (from a checkpoint). Fixings and movements move separate state, so applying the fixings
     * after the movements folds the same as {@link #of}, which applies them first.
     */
    public TranchePositions withFixings(Function<List<String>, List<FixingRow>> fixingsOf) {
        List<String> rates = tranches.values().stream().map(tranche -> tranche.terms.baseRate()).distinct().toList();
        fixingsOf.apply(rates).forEach(this::apply);
        return this;
    }

    /**
     * An independent copy of the movements' fold, to fold on from a checkpoint; only a fold without fixings is
     * copied (they are applied per query, as of its date and instant).
     */
    public TranchePositions copy() {
        if (fixed) {
            throw new IllegalStateException("a checkpoint holds the movements' fold alone, without fixings");
        }
        TranchePositions copy = new TranchePositions(currency);
        tranches.forEach((id, tranche) -> copy.tranches.put(id, tranche.copy()));
        return copy;
    }

    /** Entries held, for a checkpoint cache's budget. */
    public int entries() {
        return tranches.values().stream().mapToInt(t -> 1 + t.accruals.entries() + t.account.lenders().size()).sum();
    }

    public TranchePositions apply(DebtMovement movement) {
        if (movement instanceof TrancheOpened opened) {
            tranches.put(opened.trancheId(), new Tranche(opened, new TrancheAccount(new PhaseId(opened.phaseId()),
                    money(opened.commitment()), new BaseRateName(opened.baseRate()), opened.effectiveDate(),
                    opened.availabilityEnd(), new TreeMap<>())));
            return this;
        }
        // Movements arrive in stream order, a tranche's opening first; one before it has no tranche to move.
        Tranche tranche = tranches.get(movement.trancheId());
        if (tranche == null) {
            return this;
        }
        if (movement instanceof LenderCommitted lender) {
            tranche.account = tranche.account.withLender(new LenderId(lender.lenderId()), money(lender.commitment()));
            tranche.lenderNames.put(lender.lenderId(), lender.name());
        } else if (movement instanceof Drawn drawn) {
            tranche.account = tranche.account.withDraw(share(drawn.lenderId(), drawn.amount()));
            tranche.accruals.drawn(drawn.effectiveDate(), drawn.amount());
        } else if (movement instanceof Repaid repaid) {
            tranche.account = tranche.account.withRepayment(share(repaid.lenderId(), repaid.amount()));
            tranche.accruals.repaid(repaid.effectiveDate(), repaid.amount());
        } else if (movement instanceof Repriced repriced) {
            // A later repricing for the same date replaces the earlier one: rows arrive in stream order.
            tranche.accruals.repriced(repriced.effectiveDate(), repriced.marginPct());
        }
        return this;
    }

    /** A later fixing for the same date replaces the earlier one: rows arrive in stream order. */
    public TranchePositions apply(FixingRow fixing) {
        fixed = true;
        fixings.fix(new BaseRateName(fixing.rateName()), fixing.effectiveDate(), new Rate(fixing.ratePct()));
        return this;
    }

    public List<TranchePosition> positions(LocalDate asOf) {
        List<TranchePosition> positions = new ArrayList<>();
        tranches.values().forEach(t -> positions.add(position(t, asOf)));
        return positions;
    }

    public Optional<TranchePosition> position(String trancheId, LocalDate asOf) {
        return Optional.ofNullable(tranches.get(trancheId)).map(tranche -> position(tranche, asOf));
    }

    /**
     * The tranche's outstanding at the end of {@code day} (zero for a tranche not known): the base B of its
     * repayment schedule is fixed from it, as the decision core fixes it.
     */
    public BigDecimal outstandingOn(String trancheId, LocalDate day) {
        Tranche tranche = tranches.get(trancheId);
        return tranche == null ? ZERO : tranche.accruals.outstandingOn(day).setScale(Money.SCALE);
    }

    public static DebtTotals totals(List<TranchePosition> positions) {
        return new DebtTotals(sum(positions, TranchePosition::commitment), sum(positions, TranchePosition::drawn),
                sum(positions, TranchePosition::repaid), sum(positions, TranchePosition::outstanding),
                sum(positions, TranchePosition::undrawn), sum(positions, TranchePosition::accruedInterest),
                sum(positions, TranchePosition::accruedCommitmentFee), sum(positions, TranchePosition::interestPaid),
                sum(positions, TranchePosition::feesPaid));
    }

    private List<LenderShare> share(String lenderId, BigDecimal amount) {
        return List.of(new LenderShare(new LenderId(lenderId), money(amount)));
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    private TranchePosition position(Tranche tranche, LocalDate asOf) {
        TrancheOpened terms = tranche.terms;
        TrancheAccount account = tranche.account;
        List<LenderPosition> lenders = new ArrayList<>();
        account.lenders().forEach((id, l) -> lenders.add(new LenderPosition(id.value(),
                tranche.lenderNames.get(id.value()), l.commitment().amount(), l.drawn().amount(), l.repaid().amount(),
                l.outstanding().amount())));

        Optional<Rate> base = fixings.inEffect(account.baseRate(), asOf);
        BigDecimal margin = tranche.accruals.marginOn(asOf);
        BigDecimal interest = tranche.accruals.interest(fixings.steps(account.baseRate()), asOf);
        BigDecimal fee = tranche.accruals.fee(asOf);

        List<MarginChange> marginHistory = new ArrayList<>();
        tranche.accruals.margins().forEach((day, pct) -> marginHistory.add(new MarginChange(day, reported(pct))));
        return new TranchePosition(terms.trancheId(), terms.phaseId(), terms.name(), terms.seniority(),
                terms.commitment(), account.drawn().amount(), account.repaid().amount(),
                account.outstanding().amount(), account.undrawn().amount(), terms.baseRate(),
                base.map(Rate::toReported).orElse(null), reported(margin),
                base.map(b -> reported(b.percent().add(margin))).orElse(null), reported(terms.feePct()), interest,
                fee, terms.availabilityEnd(), marginHistory, lenders);
    }

    private static String reported(BigDecimal pct) {
        return new Rate(pct).toReported();
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> figure) {
        return items.stream().map(figure).reduce(ZERO, BigDecimal::add);
    }
}
