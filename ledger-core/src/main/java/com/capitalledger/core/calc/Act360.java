package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;

/**
 * ACT/360 simple interest, the brief's convention 5: for each day d of a period, both ends included, the balance at
 * the end of d times the rate in percent per year on d. The exact products are summed, and the sum is divided by
 * 36,000 and rounded HALF_EVEN to the cent once. Periods are walked in runs of days on which nothing changes, so
 * the cost grows with the number of changes, not of days.
 */
public final class Act360 {

    private static final BigDecimal PERCENT_DAYS_PER_YEAR = BigDecimal.valueOf(36_000);

    private Act360() {
    }

    /**
     * The exact, unrounded Σ balance(d) × ratePct(d) over {@code from..to} (empty when {@code to} is before
     * {@code from}). Days with a zero balance contribute nothing, whatever the rate.
     *
     * @throws IllegalStateException if a day with a non-zero balance has no rate in effect
     */
    public static BigDecimal balanceRateDays(DailySteps balance, DailySteps ratePct, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return BigDecimal.ZERO;
        }
        TreeSet<LocalDate> runStarts = new TreeSet<>();
        runStarts.add(from);
        runStarts.addAll(balance.changesAfter(from, to).keySet());
        runStarts.addAll(ratePct.changesAfter(from, to).keySet());

        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate start : runStarts) {
            LocalDate next = runStarts.higher(start);
            long days = ChronoUnit.DAYS.between(start, next == null ? to.plusDays(1) : next);
            BigDecimal owed = balance.on(start).orElse(BigDecimal.ZERO);
            if (owed.signum() == 0) {
                continue;
            }
            BigDecimal rate = ratePct.on(start).orElseThrow(() ->
                    new IllegalStateException("balance " + owed.toPlainString() + " on " + start + " has no rate in effect"));
            sum = sum.add(owed.multiply(rate).multiply(BigDecimal.valueOf(days)));
        }
        return sum;
    }

    /** The accrued amount for an exact balance-rate-days sum: divided by 36,000, rounded HALF_EVEN to the cent. */
    public static BigDecimal toCents(BigDecimal balanceRateDays) {
        return balanceRateDays.divide(PERCENT_DAYS_PER_YEAR, 2, RoundingMode.HALF_EVEN);
    }

    /** Accrual over {@code from..to}, rounded once. */
    public static BigDecimal accrued(DailySteps balance, DailySteps ratePct, LocalDate from, LocalDate to) {
        return toCents(balanceRateDays(balance, ratePct, from, to));
    }
}
