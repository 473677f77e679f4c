package com.capitalledger.projections.fold.returns;

import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.fold.equity.EquityMovement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a capital-account statement reports, read at one moment: the period's accounts, the returns on its last day,
 * and the events behind the investor's figures ({@link #sources}).
 */
public record Statement(CapitalAccounts accounts, ReturnsView returns, List<Source> sources) {

    /**
     * The events behind one investor's figures through {@code to}: each capital call, default and cure that moved
     * its contributions, each waterfall that distributed to it (its returns count them all, the period's among
     * them), and the valuations its NAV on the day before {@code from} and on {@code to} were taken from. In
     * global-index order, each once.
     *
     * @param movements the program's equity movements effective by {@code to}, in stream order
     * @param facts     the program's cash-flow facts effective by {@code to}, in stream order
     */
    public static List<Source> sources(String investorId, LocalDate from, LocalDate to,
                                       List<EquityMovement> movements, List<CashFlowFact> facts) {
        Map<Long, Source> sources = new TreeMap<>();
        for (EquityMovement movement : movements) {
            boolean moved = switch (movement.kind()) {
                case CALLED, DEFAULTED, CURED -> true;
                default -> false;
            };
            if (moved && movement.investorId().equals(investorId) && !movement.effectiveDate().isAfter(to)) {
                String event = switch (movement.kind()) {
                    case CALLED -> "CapitalCalled";
                    case DEFAULTED -> "CallDefaultRecorded";
                    default -> "CallDefaultCured";
                };
                sources.putIfAbsent(movement.globalIndex(), new Source(movement.globalIndex(), event,
                        movement.effectiveDate()));
            }
        }
        // A later waterfall of the same period replaces the earlier one, as the cash-flow fold does.
        Map<LocalDate, CashFlowFact> waterfalls = new TreeMap<>();
        for (CashFlowFact fact : facts) {
            if (fact.event() instanceof WaterfallRun run && !run.paymentDate().isAfter(to)) {
                waterfalls.put(run.periodEnd(), fact);
            }
        }
        waterfalls.values().stream().filter(fact -> ((WaterfallRun) fact.event()).allocations().stream()
                        .anyMatch(a -> a.investorId().value().equals(investorId) && a.amount().amount().signum() > 0))
                .forEach(fact -> sources.put(fact.globalIndex(), new Source(fact.globalIndex(), "WaterfallRun",
                        ((WaterfallRun) fact.event()).paymentDate())));
        for (LocalDate day : List.of(from.minusDays(1), to)) {
            valuation(facts, day).ifPresent(fact -> sources.put(fact.globalIndex(), new Source(fact.globalIndex(),
                    "ValuationRecorded", ((ValuationRecorded) fact.event()).valuationDate())));
        }
        return List.copyOf(sources.values());
    }

    /** The valuation NAV on {@code day} is taken from: the latest dated by then, the last recorded of its date. */
    private static Optional<CashFlowFact> valuation(List<CashFlowFact> facts, LocalDate day) {
        CashFlowFact found = null;
        for (CashFlowFact fact : facts) {
            if (fact.event() instanceof ValuationRecorded valuation && !valuation.valuationDate().isAfter(day)
                    && (found == null || !valuation.valuationDate()
                    .isBefore(((ValuationRecorded) found.event()).valuationDate()))) {
                found = fact;
            }
        }
        return Optional.ofNullable(found);
    }
}
