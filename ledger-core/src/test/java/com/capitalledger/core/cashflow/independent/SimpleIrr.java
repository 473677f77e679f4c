package com.capitalledger.core.cashflow.independent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second IRR, written from DESIGN section 10 alone and sharing nothing with the production solver: with
 * v = (1 + r)^(−1/365) the XIRR equation Σ cfᵢ (1 + r)^(−tᵢ/365) = 0 (tᵢ whole days since the first flow) is the
 * polynomial Σ cfᵢ v^tᵢ = 0 in v > 0, so plain bisection on v in BigDecimal (50 digits) finds the root with no
 * exp or ln at all; r = v^−365 − 1. Bisection runs until the bracket is below 1e-40, far finer than the 4 dp of
 * a percent the ledger reports even for rates of millions of percent.
 *
 * <p>The root is unique when the cumulative sum of the flows in date order changes sign exactly once (Norstrom's
 * criterion); otherwise the answer is {@link Answer#ambiguous() ambiguous}: there may be several rates, and DESIGN
 * does not say which one the ledger reports.
 */
public final class SimpleIrr {

    private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal WIDTH = new BigDecimal("1e-40");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SimpleIrr() {
    }

    /**
     * @param exactPct  the rate as a percent, to far more than 4 dp (null: no rate)
     * @param ambiguous whether several rates may solve the equation
     */
    public record Answer(BigDecimal exactPct, boolean ambiguous) {

        /** The percent with 4 dp HALF_EVEN, as the ledger reports it. */
        public BigDecimal pct() {
            return exactPct == null ? null : exactPct.setScale(4, RoundingMode.HALF_EVEN);
        }

        /** Whether the exact percent lies within 1e-6 of a 4 dp rounding boundary (…x5 in the 5th decimal). */
        public boolean nearRoundingBoundary() {
            if (exactPct == null) {
                return false;
            }
            BigDecimal scaled = exactPct.movePointRight(4);
            BigDecimal fraction = scaled.subtract(new BigDecimal(scaled.toBigInteger())).abs();
            return fraction.subtract(new BigDecimal("0.5")).abs().compareTo(new BigDecimal("0.01")) < 0;
        }
    }

    public record Flow(LocalDate date, BigDecimal amount) {
    }

    public static Answer irr(List<Flow> flows) {
        // Same-day flows are one coefficient of the polynomial.
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        flows.forEach(f -> byDay.merge(f.date(), f.amount(), BigDecimal::add));
        boolean negative = byDay.values().stream().anyMatch(a -> a.signum() < 0);
        boolean positive = byDay.values().stream().anyMatch(a -> a.signum() > 0);
        if (!negative || !positive) {
            return new Answer(null, false);
        }
        LocalDate first = byDay.firstKey();
        TreeMap<Long, BigDecimal> poly = new TreeMap<>();
        for (Map.Entry<LocalDate, BigDecimal> e : byDay.entrySet()) {
            if (e.getValue().signum() != 0) {
                poly.put(e.getKey().toEpochDay() - first.toEpochDay(), e.getValue());
            }
        }
        boolean unique = cumulativeSignChanges(poly) == 1;
        int nearZero = poly.firstEntry().getValue().signum();
        int nearInfinity = poly.lastEntry().getValue().signum();
        if (nearZero == nearInfinity) {
            // An even number of roots (maybe none): there is no single rate to compare with.
            return new Answer(null, true);
        }
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ONE;
        if (signAt(poly, BigDecimal.ONE) == nearZero) {
            // The root is beyond v = 1 (a negative rate): grow the bracket until the sign flips.
            lo = BigDecimal.ONE;
            hi = TWO;
            while (signAt(poly, hi) == nearZero) {
                lo = hi;
                hi = hi.multiply(TWO);
            }
        } else if (signAt(poly, BigDecimal.ONE) == 0) {
            return new Answer(BigDecimal.ZERO, !unique);
        }
        while (hi.subtract(lo).compareTo(WIDTH) > 0) {
            BigDecimal mid = lo.add(hi).divide(TWO, MC);
            int sign = signAt(poly, mid);
            if (sign == 0) {
                lo = mid;
                hi = mid;
            } else if (sign == nearZero) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        BigDecimal v = lo.add(hi).divide(TWO, MC);
        BigDecimal rate = BigDecimal.ONE.divide(v.pow(365, MC), MC).subtract(BigDecimal.ONE);
        return new Answer(rate.multiply(HUNDRED, MC), !unique);
    }

    private static int signAt(TreeMap<Long, BigDecimal> poly, BigDecimal v) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> term : poly.entrySet()) {
            sum = sum.add(term.getValue().multiply(v.pow(term.getKey().intValue(), MC), MC), MC);
        }
        return sum.signum();
    }

    private static int cumulativeSignChanges(TreeMap<Long, BigDecimal> poly) {
        BigDecimal sum = BigDecimal.ZERO;
        int last = 0;
        int changes = 0;
        for (BigDecimal amount : poly.values()) {
            sum = sum.add(amount);
            if (sum.signum() != 0) {
                if (last != 0 && sum.signum() != last) {
                    changes++;
                }
                last = sum.signum();
            }
        }
        return changes;
    }
}
