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
 * polynomial Σ cfᵢ v^tᵢ = 0 in v > 0, so a bracketing root finder on v in BigDecimal (40 digits) finds the root
 * with no exp or ln at all; r = v^−365 − 1. The bracket ends below 1e-32, far finer than the 4 dp of a percent the
 * ledger reports even for rates of millions of percent.
 *
 * <p>The root is unique when the cumulative sum of the flows in date order changes sign exactly once (Norstrom's
 * criterion) or the coefficients themselves do (Descartes' rule of signs); otherwise the answer is {@link Answer#ambiguous() ambiguous}: there may be several rates, and DESIGN
 * does not say which one the ledger reports.
 */
public final class SimpleIrr {

    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal WIDTH = new BigDecimal("1e-32");
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
        // One positive root for certain: one sign change in the coefficients (Descartes) or in their running sum
        // (Norstrom).
        boolean unique = signChanges(poly.values(), false) == 1 || signChanges(poly.values(), true) == 1;
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
        // A coarse double bisection narrows the bracket first (kept only if BigDecimal confirms the sign change).
        double dLo = lo.doubleValue();
        double dHi = hi.doubleValue();
        for (int i = 0; i < 80; i++) {
            double mid = (dLo + dHi) / 2;
            double value = 0;
            for (Map.Entry<Long, BigDecimal> term : poly.entrySet()) {
                value += term.getValue().doubleValue() * Math.pow(mid, term.getKey());
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                break;
            }
            if (Math.signum(value) == nearZero) {
                dLo = mid;
            } else {
                dHi = mid;
            }
        }
        BigDecimal margin = new BigDecimal("1e-9");
        BigDecimal narrowLo = new BigDecimal(dLo).subtract(margin).max(lo);
        BigDecimal narrowHi = new BigDecimal(dHi).add(margin).min(hi);
        if (signAt(poly, narrowLo) == nearZero && signAt(poly, narrowHi) == -nearZero) {
            lo = narrowLo;
            hi = narrowHi;
        }
        // Regula falsi with the Illinois modification, every third step a plain bisection, so the bracket always
        // shrinks on both sides; it ends below WIDTH (checked), the answer being the bracket's midpoint.
        BigDecimal fLo = valueAt(poly, lo);
        BigDecimal fHi = valueAt(poly, hi);
        int kept = 0;
        for (int step = 0; hi.subtract(lo).compareTo(WIDTH) > 0; step++) {
            if (step > 2000) {
                throw new IllegalStateException("no convergence for " + flows);
            }
            BigDecimal mid = step % 3 == 2 ? null
                    : lo.multiply(fHi, MC).subtract(hi.multiply(fLo, MC), MC).divide(fHi.subtract(fLo, MC), MC);
            if (mid == null || mid.compareTo(lo) <= 0 || mid.compareTo(hi) >= 0) {
                mid = lo.add(hi).divide(TWO, MC);
            }
            if (mid.compareTo(lo) == 0 || mid.compareTo(hi) == 0) {
                break;
            }
            BigDecimal fMid = valueAt(poly, mid);
            if (fMid.signum() == 0) {
                lo = mid;
                hi = mid;
            } else if (fMid.signum() == fLo.signum()) {
                lo = mid;
                fLo = fMid;
                fHi = kept == -1 ? fHi.divide(TWO, MC) : fHi;
                kept = -1;
            } else {
                hi = mid;
                fHi = fMid;
                fLo = kept == 1 ? fLo.divide(TWO, MC) : fLo;
                kept = 1;
            }
        }
        if (hi.subtract(lo).compareTo(WIDTH.multiply(BigDecimal.TEN)) > 0) {
            throw new IllegalStateException("the bracket stayed at " + lo + ".." + hi + " for " + flows);
        }
        BigDecimal v = lo.add(hi).divide(TWO, MC);
        BigDecimal rate = BigDecimal.ONE.divide(v.pow(365, MC), MC).subtract(BigDecimal.ONE);
        return new Answer(rate.multiply(HUNDRED, MC), !unique);
    }

    private static int signAt(TreeMap<Long, BigDecimal> poly, BigDecimal v) {
        return valueAt(poly, v).signum();
    }

    private static BigDecimal valueAt(TreeMap<Long, BigDecimal> poly, BigDecimal v) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> term : poly.entrySet()) {
            sum = sum.add(term.getValue().multiply(v.pow(term.getKey().intValue(), MC), MC), MC);
        }
        return sum;
    }

    private static int signChanges(Iterable<BigDecimal> coefficients, boolean cumulative) {
        BigDecimal sum = BigDecimal.ZERO;
        int last = 0;
        int changes = 0;
        for (BigDecimal amount : coefficients) {
            sum = cumulative ? sum.add(amount) : amount;
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
