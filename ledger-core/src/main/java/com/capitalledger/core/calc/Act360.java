package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

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
        // Both sets of changes are walked once, side by side, in date order.
        Iterator<Map.Entry<LocalDate, BigDecimal>> balances = balance.changesAfter(from, to).entrySet().iterator();
        Iterator<Map.Entry<LocalDate, BigDecimal>> rates = ratePct.changesAfter(from, to).entrySet().iterator();
        Map.Entry<LocalDate, BigDecimal> nextBalance = next(balances);
        Map.Entry<LocalDate, BigDecimal> nextRate = next(rates);
        BigDecimal owed = balance.on(from).orElse(BigDecimal.ZERO);
        BigDecimal rate = ratePct.on(from).orElse(null);
        LocalDate start = from;
        BigDecimal sum = BigDecimal.ZERO;
        while (true) {
            LocalDate next = earlier(nextBalance, nextRate);
            if (owed.signum() != 0) {
                if (rate == null) {
                    throw new IllegalStateException("balance " + owed.toPlainString() + " on " + start
                            + " has no rate in effect");
                }
                long days = ChronoUnit.DAYS.between(start, next == null ? to.plusDays(1) : next);
                sum = sum.add(owed.multiply(rate).multiply(BigDecimal.valueOf(days)));
            }
            if (next == null) {
                return sum;
            }
            if (nextBalance != null && nextBalance.getKey().equals(next)) {
                owed = nextBalance.getValue();
                nextBalance = next(balances);
            }
            if (nextRate != null && nextRate.getKey().equals(next)) {
                rate = nextRate.getValue();
                nextRate = next(rates);
            }
            start = next;
        }
    }

    private static Map.Entry<LocalDate, BigDecimal> next(Iterator<Map.Entry<LocalDate, BigDecimal>> changes) {
        return changes.hasNext() ? changes.next() : null;
    }

    private static LocalDate earlier(Map.Entry<LocalDate, BigDecimal> a, Map.Entry<LocalDate, BigDecimal> b) {
        if (a == null) {
            return b == null ? null : b.getKey();
        }
        return b == null || a.getKey().isBefore(b.getKey()) ? a.getKey() : b.getKey();
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
