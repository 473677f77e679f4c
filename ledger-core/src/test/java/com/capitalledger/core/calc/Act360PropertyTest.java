package com.capitalledger.core.calc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Act360PropertyTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    /** Balance changes and rate changes on days 0..400 after START, a period and a split day within it. */
    record Case(Map<LocalDate, BigDecimal> deltas, Map<LocalDate, BigDecimal> rates, LocalDate from, LocalDate split,
                LocalDate to) {
    }

    private static Arbitrary<LocalDate> day() {
        return Arbitraries.integers().between(0, 400).map(START::plusDays);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Map<LocalDate, BigDecimal>> deltas = Arbitraries.maps(day(),
                Arbitraries.longs().between(-1_000_000_000_00L, 5_000_000_000_00L).map(c -> BigDecimal.valueOf(c, 2)))
                .ofMaxSize(20);
        Arbitrary<Map<LocalDate, BigDecimal>> rates = Arbitraries.maps(day(),
                Arbitraries.longs().between(0, 15_000_000L).map(r -> BigDecimal.valueOf(r, 5))).ofMinSize(1).ofMaxSize(20);
        Arbitrary<int[]> bounds = Arbitraries.integers().between(0, 400).list().ofSize(3)
                .map(l -> l.stream().sorted().mapToInt(Integer::intValue).toArray());
        return Combinators.combine(deltas, rates, bounds).as((d, r, b) ->
                new Case(d, r, START.plusDays(b[0]), START.plusDays(b[1]), START.plusDays(b[2])));
    }

    /** Rates are defined from the first day on, so no day with a balance lacks a rate. */
    private static DailySteps rates(Case c) {
        Map<LocalDate, BigDecimal> rates = new java.util.TreeMap<>(c.rates());
        rates.putIfAbsent(LocalDate.MIN, BigDecimal.ONE);
        return DailySteps.of(rates);
    }

    @Property
    void accrualOverAPeriodEqualsTheSumOfItsSubPeriodsBeforeRounding(@ForAll("cases") Case c) {
        DailySteps balance = DailySteps.cumulative(c.deltas());
        DailySteps rate = rates(c);

        BigDecimal whole = Act360.balanceRateDays(balance, rate, c.from(), c.to());
        BigDecimal parts = Act360.balanceRateDays(balance, rate, c.from(), c.split())
                .add(Act360.balanceRateDays(balance, rate, c.split().plusDays(1), c.to()));

        assertThat(whole).isEqualByComparingTo(parts);
    }

    @Property
    void walkingRunsOfDaysGivesTheSameSumAsWalkingEveryDay(@ForAll("cases") Case c) {
        DailySteps balance = DailySteps.cumulative(c.deltas());
        DailySteps rate = rates(c);

        BigDecimal dayByDay = BigDecimal.ZERO;
        for (long i = 0; i <= ChronoUnit.DAYS.between(c.from(), c.to()); i++) {
            LocalDate day = c.from().plusDays(i);
            dayByDay = dayByDay.add(balance.on(day).orElseThrow().multiply(rate.on(day).orElseThrow()));
        }

        assertThat(Act360.balanceRateDays(balance, rate, c.from(), c.to())).isEqualByComparingTo(dayByDay);
    }
}
