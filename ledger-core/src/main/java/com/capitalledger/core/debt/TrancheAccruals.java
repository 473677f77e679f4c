package com.capitalledger.core.debt;

import com.capitalledger.core.calc.Act360;
import com.capitalledger.core.calc.DailySteps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a tranche's accruals depend on, by date: its principal changes (draws and repayments, the waterfall's
 * included), its draws alone (the commitment fee runs on the undrawn commitment; repaid money is not redrawable) and
 * its margins (repricings, back-dated corrections included). The one model of convention 5 and 6: the tranches read
 * model and the waterfall's decisions both accrue here. Mutable, for one reader at a time.
 */
public final class TrancheAccruals {

    private final LocalDate createdOn;
    private final LocalDate availabilityEnd;
    private final BigDecimal commitment;
    private final BigDecimal feePct;
    private final TreeMap<LocalDate, BigDecimal> margins = new TreeMap<>();
    private final TreeMap<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
    private final TreeMap<LocalDate, BigDecimal> draws = new TreeMap<>();

    /** For the snapshot serializer, which sets the fields itself. */
    private TrancheAccruals() {
        createdOn = null;
        availabilityEnd = null;
        commitment = null;
        feePct = null;
    }

    public TrancheAccruals(LocalDate createdOn, LocalDate availabilityEnd, BigDecimal commitment, BigDecimal feePct,
                           BigDecimal marginPct) {
        this.createdOn = createdOn;
        this.availabilityEnd = availabilityEnd;
        this.commitment = commitment;
        this.feePct = feePct;
        margins.put(createdOn, marginPct);
    }

    /** An independent copy: the read models keep folded states as checkpoints and fold on from copies of them. */
    public TrancheAccruals copy() {
        TrancheAccruals copy = new TrancheAccruals(createdOn, availabilityEnd, commitment, feePct, margins);
        copy.principalChanges.putAll(principalChanges);
        copy.draws.putAll(draws);
        return copy;
    }

    /** How many dated entries it holds: what a copy costs in memory, roughly. */
    public int entries() {
        return margins.size() + principalChanges.size() + draws.size();
    }

    private TrancheAccruals(LocalDate createdOn, LocalDate availabilityEnd, BigDecimal commitment, BigDecimal feePct,
                            TreeMap<LocalDate, BigDecimal> margins) {
        this.createdOn = createdOn;
        this.availabilityEnd = availabilityEnd;
        this.commitment = commitment;
        this.feePct = feePct;
        this.margins.putAll(margins);
    }

    public void drawn(LocalDate day, BigDecimal amount) {
        principalChanges.merge(day, amount, BigDecimal::add);
        draws.merge(day, amount, BigDecimal::add);
    }

    public void repaid(LocalDate day, BigDecimal amount) {
        principalChanges.merge(day, amount.negate(), BigDecimal::add);
    }

    /** A later repricing for the same date replaces the earlier one. */
    public void repriced(LocalDate day, BigDecimal marginPct) {
        margins.put(day, marginPct);
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    /** The margin in effect on {@code day} (the first margin before the tranche existed). */
    public BigDecimal marginOn(LocalDate day) {
        var entry = margins.floorEntry(day);
        return entry == null ? margins.firstEntry().getValue() : entry.getValue();
    }

    public NavigableMap<LocalDate, BigDecimal> margins() {
        return Collections.unmodifiableNavigableMap(margins);
    }

    /** The outstanding at the end of {@code day}. */
    public BigDecimal outstandingOn(LocalDate day) {
        return DailySteps.cumulative(principalChanges).on(day).orElse(BigDecimal.ZERO);
    }

    /** Exact Σ outstanding × (base + margin) over {@code from..to}; {@code base} the tranche's base rate by day. */
    public BigDecimal interestRateDays(DailySteps base, LocalDate from, LocalDate to) {
        return Act360.balanceRateDays(DailySteps.cumulative(principalChanges), base.plus(DailySteps.of(margins)),
                later(from, createdOn), to);
    }

    /** Exact Σ undrawn × fee over {@code from..min(to, availability end)}. */
    public BigDecimal feeRateDays(LocalDate from, LocalDate to) {
        DailySteps undrawn = DailySteps.constant(commitment).minus(DailySteps.cumulative(draws));
        LocalDate until = to.isBefore(availabilityEnd) ? to : availabilityEnd;
        return Act360.balanceRateDays(undrawn, DailySteps.constant(feePct), later(from, createdOn), until);
    }

    /** Interest accrued from creation through {@code asOf}, rounded once (convention 5). */
    public BigDecimal interest(DailySteps base, LocalDate asOf) {
        return Act360.toCents(interestRateDays(base, createdOn, asOf));
    }

    /** Commitment fee accrued from creation through min(asOf, availability end), rounded once (convention 6). */
    public BigDecimal fee(LocalDate asOf) {
        return Act360.toCents(feeRateDays(createdOn, asOf));
    }

    /** Equal when every field is: the same history accrues the same (replays and the aggregate fixture compare). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrancheAccruals that && Objects.equals(createdOn, that.createdOn)
                && Objects.equals(availabilityEnd, that.availabilityEnd) && Objects.equals(commitment, that.commitment)
                && Objects.equals(feePct, that.feePct) && margins.equals(that.margins)
                && principalChanges.equals(that.principalChanges) && draws.equals(that.draws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(createdOn, commitment, principalChanges);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }
}
