package com.capitalledger.projections.fold.debt;

import com.capitalledger.core.calc.Act360;
import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.projections.fold.debt.TranchePosition.LenderPosition;
import com.capitalledger.projections.fold.debt.TranchePosition.MarginChange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tranche read model of one program: a pure fold of {@link DebtMovement}s and the {@link FixingRow}s of the
 * rates its tranches float on, in stream order. Positions are then computed as of a date, accruals included.
 */
public final class TranchePositions {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Map<String, Tranche> tranches = new TreeMap<>();
    private final Map<String, TreeMap<LocalDate, BigDecimal>> fixings = new HashMap<>();

    private static final class Tranche {
        private DebtMovement terms;
        private final TreeMap<LocalDate, BigDecimal> margins = new TreeMap<>();
        private final Map<String, Lender> lenders = new TreeMap<>();
        private final TreeMap<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
        private final TreeMap<LocalDate, BigDecimal> draws = new TreeMap<>();
    }

    private static final class Lender {
        private String name;
        private BigDecimal commitment = ZERO;
        private BigDecimal drawn = ZERO;
        private BigDecimal repaid = ZERO;
    }

    public TranchePositions apply(DebtMovement movement) {
        Tranche tranche = tranches.computeIfAbsent(movement.trancheId(), id -> new Tranche());
        switch (movement.kind()) {
            case TRANCHE_CREATED -> {
                tranche.terms = movement;
                tranche.margins.put(movement.effectiveDate(), movement.ratePct());
            }
            case LENDER_COMMITTED -> {
                Lender lender = tranche.lenders.computeIfAbsent(movement.lenderId(), id -> new Lender());
                lender.name = movement.name();
                lender.commitment = movement.amount();
            }
            case DRAWN -> {
                Lender lender = tranche.lenders.computeIfAbsent(movement.lenderId(), id -> new Lender());
                lender.drawn = lender.drawn.add(movement.amount());
                tranche.principalChanges.merge(movement.effectiveDate(), movement.amount(), BigDecimal::add);
                tranche.draws.merge(movement.effectiveDate(), movement.amount(), BigDecimal::add);
            }
            case REPAID -> {
                Lender lender = tranche.lenders.computeIfAbsent(movement.lenderId(), id -> new Lender());
                lender.repaid = lender.repaid.add(movement.amount());
                tranche.principalChanges.merge(movement.effectiveDate(), movement.amount().negate(), BigDecimal::add);
            }
            // A later repricing for the same date replaces the earlier one: rows arrive in stream order.
            case REPRICED -> tranche.margins.put(movement.effectiveDate(), movement.ratePct());
        }
        return this;
    }

    /** A later fixing for the same date replaces the earlier one: rows arrive in stream order. */
    public TranchePositions apply(FixingRow fixing) {
        fixings.computeIfAbsent(fixing.rateName(), name -> new TreeMap<>()).put(fixing.effectiveDate(), fixing.ratePct());
        return this;
    }

    public List<TranchePosition> positions(LocalDate asOf) {
        List<TranchePosition> positions = new ArrayList<>();
        tranches.values().stream().filter(t -> t.terms != null).forEach(t -> positions.add(position(t, asOf)));
        return positions;
    }

    public Optional<TranchePosition> position(String trancheId, LocalDate asOf) {
        Tranche tranche = tranches.get(trancheId);
        return tranche == null || tranche.terms == null ? Optional.empty() : Optional.of(position(tranche, asOf));
    }

    public static DebtTotals totals(List<TranchePosition> positions) {
        return new DebtTotals(sum(positions, TranchePosition::commitment), sum(positions, TranchePosition::drawn),
                sum(positions, TranchePosition::repaid), sum(positions, TranchePosition::outstanding),
                sum(positions, TranchePosition::undrawn), sum(positions, TranchePosition::accruedInterest),
                sum(positions, TranchePosition::accruedCommitmentFee));
    }

    private TranchePosition position(Tranche tranche, LocalDate asOf) {
        DebtMovement terms = tranche.terms;
        List<LenderPosition> lenders = new ArrayList<>();
        tranche.lenders.forEach((id, l) -> lenders.add(new LenderPosition(id, l.name, l.commitment, l.drawn, l.repaid,
                l.drawn.subtract(l.repaid))));
        BigDecimal drawn = sum(lenders, LenderPosition::drawn);
        BigDecimal repaid = sum(lenders, LenderPosition::repaid);

        NavigableMap<LocalDate, BigDecimal> baseHistory = fixings.getOrDefault(terms.baseRate(), new TreeMap<>());
        Optional<BigDecimal> base = Optional.ofNullable(baseHistory.floorEntry(asOf)).map(Map.Entry::getValue);
        BigDecimal margin = tranche.margins.floorEntry(asOf).getValue();

        DailySteps allIn = DailySteps.of(baseHistory).plus(DailySteps.of(tranche.margins));
        BigDecimal interest = Act360.accrued(DailySteps.cumulative(tranche.principalChanges), allIn,
                terms.effectiveDate(), asOf);
        DailySteps undrawn = DailySteps.constant(terms.amount()).minus(DailySteps.cumulative(tranche.draws));
        LocalDate feeUntil = asOf.isBefore(terms.availabilityEnd()) ? asOf : terms.availabilityEnd();
        BigDecimal fee = Act360.accrued(undrawn, DailySteps.constant(terms.feePct()), terms.effectiveDate(), feeUntil);

        List<MarginChange> marginHistory = new ArrayList<>();
        tranche.margins.forEach((day, pct) -> marginHistory.add(new MarginChange(day, reported(pct))));
        return new TranchePosition(terms.trancheId(), terms.phaseId(), terms.name(), terms.seniority(), terms.amount(),
                drawn, repaid, drawn.subtract(repaid), terms.amount().subtract(drawn), terms.baseRate(),
                base.map(TranchePositions::reported).orElse(null), reported(margin),
                base.map(b -> reported(b.add(margin))).orElse(null), reported(terms.feePct()), interest, fee,
                terms.availabilityEnd(), marginHistory, lenders);
    }

    private static String reported(BigDecimal pct) {
        return new Rate(pct).toReported();
    }

    private static <T> BigDecimal sum(List<T> items, java.util.function.Function<T, BigDecimal> figure) {
        return items.stream().map(figure).reduce(ZERO, BigDecimal::add);
    }
}
