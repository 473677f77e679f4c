package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The internal rate of return of dated cash flows (XIRR, ACT/365), the returns document's irrPct. The one place in the
 * core that computes in double: the rate is the root of a sum of powers, found to 1e-10 by iteration, while the money
 * that goes in stays exact (the flows are netted per day as BigDecimal before the solver sees them).
 *
 * <p>The solver works in x = ln(1 + r), where the NPV is Σ aᵢ·e^(−x·tᵢ), tᵢ = (dᵢ − d₀)/365: every x is a rate above
 * −100 %, and rates near −100 % or near 0 keep their precision (log1p/expm1). Each evaluation is scaled by a positive
 * factor so that no term overflows; scaling changes neither the sign nor the Newton step.
 */
public final class Xirr {

    /** One dated cash flow: negative = paid in by the investor, positive = received (or NAV). */
    public record Flow(LocalDate date, BigDecimal amount) {
        public Flow {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Above this percent a double no longer states the rate's fourth decimal with certainty. */
    private static final double MAX_PCT = 1e8;
    /** The scan's first cell in x, and how much each next cell is wider. */
    private static final double FIRST_CELL = 0.001;
    private static final double CELL_GROWTH = 1.05;
    /**
     * The scan's backstop (it usually ends far sooner): past |x| = 800 × 365 every term but the first day's (x > 0) or
     * the last day's (x < 0) is below e^−800 of it, since flows are at least a day apart.
     */
    private static final double SCAN_LIMIT = 800 * 365.0;
    private static final double RATE_TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 500;
    private static final int PCT_SCALE = 4;

    private Xirr() {
    }

    /**
     * The annual rate r with Σ cfᵢ / (1 + r)^((dᵢ − d₀)/365) = 0 as a percent, 4 dp HALF_EVEN.
     *
     * <p>Flows come in any order; several on one day are netted, zero amounts are ignored, and d₀ (which scales the NPV
     * but moves no root) is the earliest day left. Empty when:
     * <ul>
     * <li>fewer than two days have a non-zero net flow, e.g. a single flow, or all flows on one day: the NPV then does
     * not depend on r (when they net to zero every rate is a root, so none is the answer);</li>
     * <li>there is no sign change among the netted flows, or no root above −100 % (an even number of sign changes
     * may have none);</li>
     * <li>the rate exceeds 100,000,000 %: its double is then too coarse (relative to 4 dp) to round it exactly;
     * money doubling in a day is r = 2³⁶⁵ − 1.</li>
     * </ul>
     * A root above −100 % but within 0.00005 % of it is reported as −100.0000.
     *
     * <p>With one sign change the root is unique. With several there may be several roots: this returns the one
     * nearest r = 0 measured in ln(1 + r) (so doubling and halving are equally far), found by scanning cells outward
     * from x = 0 on both sides, the first cell 0.001 wide and each next 5 % wider; if that nearest root exceeds the
     * limit above, the answer is empty even when a farther root could be stated. Two roots inside one cell cancel
     * out, and a root where the NPV touches zero without crossing is not seen.
     */
    public static Optional<BigDecimal> irrPct(List<Flow> flows) {
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        for (Flow flow : flows) {
            byDay.merge(flow.date(), flow.amount(), BigDecimal::add);
        }
        byDay.values().removeIf(amount -> amount.signum() == 0);
        boolean paidIn = byDay.values().stream().anyMatch(amount -> amount.signum() < 0);
        boolean received = byDay.values().stream().anyMatch(amount -> amount.signum() > 0);
        if (!paidIn || !received) {
            return Optional.empty();
        }
        if (byDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() == 0) {
            return Optional.of(BigDecimal.ZERO.setScale(PCT_SCALE));
        }

        // Shifting the decimal point is exact and keeps every amount below 10 in size, so none overflows a double.
        BigDecimal largest = byDay.values().stream().map(BigDecimal::abs).reduce(BigDecimal::max).orElseThrow();
        int shift = largest.precision() - largest.scale() - 1;
        LocalDate first = byDay.firstKey();
        double[] amounts = new double[byDay.size()];
        double[] years = new double[byDay.size()];
        int i = 0;
        for (Map.Entry<LocalDate, BigDecimal> day : byDay.entrySet()) {
            amounts[i] = day.getValue().scaleByPowerOfTen(-shift).doubleValue();
            years[i++] = ChronoUnit.DAYS.between(first, day.getKey()) / 365.0;
        }

        OptionalDouble x = nearestRoot(amounts, years);
        if (x.isEmpty()) {
            return Optional.empty();
        }
        double pct = Math.expm1(x.getAsDouble()) * 100;
        if (!(pct <= MAX_PCT)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(pct).setScale(PCT_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * The root nearest x = 0: cells scanned outward on both sides at once, the nearer root of the first crossing. A
     * side's scan ends once its extreme term (the first day's for x > 0, the last day's for x < 0) outweighs all others
     * together, as they only shrink relative to it further out.
     */
    private static OptionalDouble nearestRoot(double[] amounts, double[] years) {
        double atZero = npv(amounts, years, 0)[0];
        if (atZero == 0) {
            return OptionalDouble.of(0);
        }
        double inner = 0;
        double aboveInner = atZero;
        double belowInner = atZero;
        boolean upOpen = true;
        boolean downOpen = true;
        for (double width = FIRST_CELL; (upOpen || downOpen) && inner < SCAN_LIMIT; width *= CELL_GROWTH) {
            double outer = inner + width;
            OptionalDouble up = OptionalDouble.empty();
            OptionalDouble down = OptionalDouble.empty();
            if (upOpen) {
                double[] above = npv(amounts, years, outer);
                up = crossing(amounts, years, inner, aboveInner, outer, above[0]);
                upOpen = above[2] == 0;
                aboveInner = above[0];
            }
            if (downOpen) {
                double[] below = npv(amounts, years, -outer);
                down = crossing(amounts, years, -inner, belowInner, -outer, below[0]);
                downOpen = below[2] == 0;
                belowInner = below[0];
            }
            if (up.isPresent() && down.isPresent()) {
                return Math.abs(up.getAsDouble()) <= Math.abs(down.getAsDouble()) ? up : down;
            }
            if (up.isPresent() || down.isPresent()) {
                return up.isPresent() ? up : down;
            }
            inner = outer;
        }
        return OptionalDouble.empty();
    }

    /** The root between near (not itself a root) and far, when the NPV changes sign there. */
    private static OptionalDouble crossing(double[] amounts, double[] years, double near, double atNear, double far,
                                           double atFar) {
        if (atFar == 0) {
            return OptionalDouble.of(far);
        }
        if (Math.signum(atNear) == Math.signum(atFar)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(solve(amounts, years, near, atNear, far));
    }

    /**
     * Newton's method kept inside the bracket [a, b] (the NPV has the sign of atA at a and the other sign at b): a
     * step that would leave the bracket, or fails to halve the step before it, is replaced by bisection.
     */
    private static double solve(double[] amounts, double[] years, double a, double atA, double b) {
        double sameSide = a;
        double otherSide = b;
        double x = a + (b - a) / 2;
        double lastStep = Math.abs(b - a);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] value = npv(amounts, years, x);
            if (value[0] == 0) {
                return x;
            }
            if (Math.signum(value[0]) == Math.signum(atA)) {
                sameSide = x;
            } else {
                otherSide = x;
            }
            double lo = Math.min(sameSide, otherSide);
            double hi = Math.max(sameSide, otherSide);
            double next = x - value[0] / value[1];
            if (!(next > lo && next < hi) || Math.abs(next - x) > lastStep / 2) {
                next = lo + (hi - lo) / 2;
                if (next == lo || next == hi) {
                    return x;
                }
            }
            double step = Math.abs(next - x);
            // Δr = (1 + r)·Δx; where r is too large for 1e-10, stop at a couple of ulps of x.
            if (step * Math.exp(Math.max(x, next)) <= RATE_TOLERANCE || step <= 2 * Math.ulp(x)) {
                return next;
            }
            lastStep = step;
            x = next;
        }
        return x;
    }

    /**
     * {NPV, dNPV/dx} at x, both multiplied by the one factor that keeps the largest exponent at zero, and whether the
     * extreme term on x's side outweighs all the others (1) or not (0).
     */
    private static double[] npv(double[] amounts, double[] years, double x) {
        int last = years.length - 1;
        int extreme = x < 0 ? last : 0;
        double scale = x < 0 ? -x * years[last] : 0;
        double value = 0;
        double slope = 0;
        double others = 0;
        for (int i = 0; i <= last; i++) {
            double term = amounts[i] * Math.exp(-x * years[i] - scale);
            value += term;
            slope -= years[i] * term;
            if (i != extreme) {
                others += Math.abs(term);
            }
        }
        return new double[] {value, slope, Math.abs(amounts[extreme]) > others ? 1 : 0};
    }
}
