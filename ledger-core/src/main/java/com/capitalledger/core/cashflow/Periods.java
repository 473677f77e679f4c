package com.capitalledger.core.cashflow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The operating periods: calendar quarters (ending 03-31, 06-30, 09-30, 12-31) or half-years (06-30, 12-31). The
 * first runs from operations start to the first period end on or after it; the payment date of the period ending E
 * is E + 1 day.
 */
public record Periods(LocalDate operationsStart, int periodMonths) {

    public Periods {
        if (periodMonths != 3 && periodMonths != 6) {
            throw new IllegalArgumentException("a period is 3 or 6 months, not " + periodMonths);
        }
    }

    /** Whether {@code day} ends a period (of any year, before operations start or not). */
    public boolean isPeriodEnd(LocalDate day) {
        return day.equals(day.with(TemporalAdjusters.lastDayOfMonth())) && day.getMonthValue() % periodMonths == 0;
    }

    /** Whether {@code day} ends a period of operations: a period end on or after the first. */
    public boolean isOperatingPeriodEnd(LocalDate day) {
        return isPeriodEnd(day) && !day.isBefore(firstEnd());
    }

    /** The first period end on or after operations start. */
    public LocalDate firstEnd() {
        return endOnOrAfter(operationsStart);
    }

    /** The period end on or after {@code day}. */
    public LocalDate endOnOrAfter(LocalDate day) {
        int month = ((day.getMonthValue() + periodMonths - 1) / periodMonths) * periodMonths;
        return LocalDate.of(day.getYear(), month, 1).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** The period end after the one ending {@code end}. */
    public LocalDate next(LocalDate end) {
        return end.plusMonths(periodMonths).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** The period end before the one ending {@code end}. */
    public LocalDate previous(LocalDate end) {
        return end.minusMonths(periodMonths).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** The first day of the period ending {@code end}: operations start for the first period. */
    public LocalDate start(LocalDate end) {
        LocalDate afterPrevious = previous(end).plusDays(1);
        return afterPrevious.isBefore(operationsStart) ? operationsStart : afterPrevious;
    }

    /** The days of the period ending {@code end}, both ends included. */
    public long days(LocalDate end) {
        return ChronoUnit.DAYS.between(start(end), end) + 1;
    }

    /** The payment date of the period ending {@code end}. */
    public static LocalDate paymentDate(LocalDate end) {
        return end.plusDays(1);
    }
}
