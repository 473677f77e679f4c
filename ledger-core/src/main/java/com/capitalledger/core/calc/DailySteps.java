package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A value that changes on given dates and holds until the next change, such as a tranche's outstanding principal at
 * the end of each day, a base rate from its fixing date, or a margin from its repricing date. Before the first
 * change it is undefined, unless an initial value is given.
 */
public final class DailySteps {

    private final NavigableMap<LocalDate, BigDecimal> changes;

    private DailySteps(NavigableMap<LocalDate, BigDecimal> changes) {
        this.changes = Collections.unmodifiableNavigableMap(changes);
    }

    /** Values taking effect on their dates; a later entry for the same date has already replaced an earlier one. */
    public static DailySteps of(Map<LocalDate, BigDecimal> valuesFrom) {
        return new DailySteps(new TreeMap<>(valuesFrom));
    }

    /** A value that never changes. */
    public static DailySteps constant(BigDecimal value) {
        return new DailySteps(new TreeMap<>(Map.of(LocalDate.MIN, value)));
    }

    /** Running totals of dated amounts: the balance at the end of each day. */
    public static DailySteps cumulative(Map<LocalDate, BigDecimal> deltasOn) {
        TreeMap<LocalDate, BigDecimal> balances = new TreeMap<>();
        BigDecimal balance = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> delta : new TreeMap<>(deltasOn).entrySet()) {
            balance = balance.add(delta.getValue());
            balances.put(delta.getKey(), balance);
        }
        balances.putIfAbsent(LocalDate.MIN, BigDecimal.ZERO);
        return new DailySteps(balances);
    }

    /** The value in effect on {@code day}, empty before the first change. */
    public Optional<BigDecimal> on(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = changes.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** The dates in {@code (from, to]} on which the value changes. */
    NavigableMap<LocalDate, BigDecimal> changesAfter(LocalDate from, LocalDate to) {
        return changes.subMap(from, false, to, true);
    }

    /** This value plus another, day by day; undefined wherever either is. Both are walked once, side by side. */
    public DailySteps plus(DailySteps other) {
        TreeMap<LocalDate, BigDecimal> sum = new TreeMap<>();
        Iterator<Map.Entry<LocalDate, BigDecimal>> mine = changes.entrySet().iterator();
        Iterator<Map.Entry<LocalDate, BigDecimal>> theirs = other.changes.entrySet().iterator();
        Map.Entry<LocalDate, BigDecimal> nextMine = mine.hasNext() ? mine.next() : null;
        Map.Entry<LocalDate, BigDecimal> nextTheirs = theirs.hasNext() ? theirs.next() : null;
        BigDecimal myValue = null;
        BigDecimal theirValue = null;
        while (nextMine != null || nextTheirs != null) {
            LocalDate day = nextMine == null ? nextTheirs.getKey()
                    : nextTheirs == null || nextMine.getKey().isBefore(nextTheirs.getKey()) ? nextMine.getKey()
                    : nextTheirs.getKey();
            if (nextMine != null && nextMine.getKey().equals(day)) {
                myValue = nextMine.getValue();
                nextMine = mine.hasNext() ? mine.next() : null;
            }
            if (nextTheirs != null && nextTheirs.getKey().equals(day)) {
                theirValue = nextTheirs.getValue();
                nextTheirs = theirs.hasNext() ? theirs.next() : null;
            }
            if (myValue != null && theirValue != null) {
                sum.put(day, myValue.add(theirValue));
            }
        }
        return new DailySteps(sum);
    }

    /** This value minus another, day by day; undefined wherever either is. */
    public DailySteps minus(DailySteps other) {
        return plus(other.negate());
    }

    private DailySteps negate() {
        TreeMap<LocalDate, BigDecimal> negated = new TreeMap<>();
        changes.forEach((day, value) -> negated.put(day, value.negate()));
        return new DailySteps(negated);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailySteps steps && changes.equals(steps.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(changes);
    }

    @Override
    public String toString() {
        return changes.toString();
    }
}
