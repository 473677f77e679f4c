package com.capitalledger.core.calc;

import com.capitalledger.core.generative.Generative;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of ACT/360 accrual, on seeded random cases (see {@link Generative}). */
class Act360PropertyTest {

    private static final int CASES = 1_000;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    /** Balance changes and rate changes on days 0..400 after START, a period and a split day within it. */
    record Case(Map<LocalDate, BigDecimal> deltas, Map<LocalDate, BigDecimal> rates, LocalDate from, LocalDate split,
                LocalDate to) {
    }

    /** Up to 20 balance changes (negative ones too) and 1 to 20 rate changes, on any of 401 days; an empty period is
     * not drawn, a one-day period is. */
    static Case draw(Random random) {
        Map<LocalDate, BigDecimal> deltas = new TreeMap<>();
        for (int i = 0, n = random.nextInt(21); i < n; i++) {
            deltas.put(day(random), BigDecimal.valueOf(random.nextLong(6_000_000_000_00L) - 1_000_000_000_00L, 2));
        }
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
            rates.put(day(random), BigDecimal.valueOf(random.nextLong(15_000_001L), 5));
        }
        int[] bounds = {random.nextInt(401), random.nextInt(401), random.nextInt(401)};
        Arrays.sort(bounds);
        return new Case(deltas, rates, START.plusDays(bounds[0]), START.plusDays(bounds[1]), START.plusDays(bounds[2]));
    }

    private static LocalDate day(Random random) {
        return START.plusDays(random.nextInt(401));
    }

    /** Rates are defined from the first day on, so no day with a balance lacks a rate. */
    private static DailySteps rates(Case c) {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>(c.rates());
        rates.putIfAbsent(LocalDate.MIN, BigDecimal.ONE);
        return DailySteps.of(rates);
    }

    @Test
    void accrualOverAPeriodEqualsTheSumOfItsSubPeriodsBeforeRounding() {
        Generative.forAll(CASES, Act360PropertyTest::draw, c -> {
            DailySteps balance = DailySteps.cumulative(c.deltas());
            DailySteps rate = rates(c);

            BigDecimal whole = Act360.balanceRateDays(balance, rate, c.from(), c.to());
            BigDecimal parts = Act360.balanceRateDays(balance, rate, c.from(), c.split())
                    .add(Act360.balanceRateDays(balance, rate, c.split().plusDays(1), c.to()));

            assertThat(whole).isEqualByComparingTo(parts);
        });
    }

    @Test
    void walkingRunsOfDaysGivesTheSameSumAsWalkingEveryDay() {
        Generative.forAll(CASES, Act360PropertyTest::draw, c -> {
            DailySteps balance = DailySteps.cumulative(c.deltas());
            DailySteps rate = rates(c);

            BigDecimal dayByDay = BigDecimal.ZERO;
            for (long i = 0; i <= ChronoUnit.DAYS.between(c.from(), c.to()); i++) {
                LocalDate day = c.from().plusDays(i);
                dayByDay = dayByDay.add(balance.on(day).orElseThrow().multiply(rate.on(day).orElseThrow()));
            }

            assertThat(Act360.balanceRateDays(balance, rate, c.from(), c.to())).isEqualByComparingTo(dayByDay);
        });
    }
}
