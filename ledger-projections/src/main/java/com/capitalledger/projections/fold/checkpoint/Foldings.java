package com.capitalledger.projections.fold.checkpoint;

import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.fold.Fact;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.fold.program.PhasePositions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/** The position read models' folds, for checkpoints: equity, tranches (their movements; fixings per query), phases. */
public final class Foldings {

    private Foldings() {
    }

    public static Folding<EquityMovement, InvestorPositions> investors(CurrencyCode currency) {
        return of(() -> new InvestorPositions(currency), InvestorPositions::copy, InvestorPositions::apply,
                EquityMovement::effectiveDate, EquityMovement::recordedAt, InvestorPositions::entries);
    }

    public static Folding<DebtMovement, TranchePositions> tranches(CurrencyCode currency) {
        return of(() -> new TranchePositions(currency), TranchePositions::copy, TranchePositions::apply,
                DebtMovement::effectiveDate, DebtMovement::recordedAt, TranchePositions::entries);
    }

    public static Folding<PhaseMovement, PhasePositions> phases(CurrencyCode currency) {
        return of(() -> new PhasePositions(currency), PhasePositions::copy, PhasePositions::apply,
                PhaseMovement::effectiveDate, PhaseMovement::recordedAt, PhasePositions::entries);
    }

    private static <F extends Fact, S> Folding<F, S> of(Supplier<S> empty, UnaryOperator<S> copy,
                                                       BiConsumer<S, F> apply, Function<F, LocalDate> effective,
                                                       Function<F, Instant> recorded, ToIntFunction<S> entries) {
        return new Folding<>() {
            @Override
            public S empty() {
                return empty.get();
            }

            @Override
            public S copy(S state) {
                return copy.apply(state);
            }

            @Override
            public void apply(S state, F fact) {
                apply.accept(state, fact);
            }

            @Override
            public LocalDate effectiveDate(F fact) {
                return effective.apply(fact);
            }

            @Override
            public Instant recordedAt(F fact) {
                return recorded.apply(fact);
            }

            @Override
            public int entries(S state) {
                return entries.applyAsInt(state);
            }
        };
    }
}
