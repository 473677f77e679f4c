package com.capitalledger.core.cashflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The historic debt service coverage ratio at a waterfall: over the periods whose end E' satisfies E − 12 months <
 * E' ≤ E, Σ CFADS (negative included) / Σ each period's own senior debt service. Compared with a threshold exactly,
 * cross-multiplied; reported with 4 dp HALF_EVEN; not applicable when the denominator is 0.
 */
public record CoverageRatio(BigDecimal cfads, BigDecimal seniorDebtService) {

    public static final int REPORTED_SCALE = 4;

    /** One period's CFADS and its own senior debt service (interest and fees accrued in it + installments due). */
    public record PeriodFigures(LocalDate periodEnd, BigDecimal cfads, BigDecimal seniorDebtService) {
    }

    /** Whether a period ending {@code periodEnd} counts in the ratio of the waterfall of the period ending {@code end}. */
    public static boolean inWindow(LocalDate periodEnd, LocalDate end) {
        return periodEnd.isAfter(end.minusMonths(12)) && !periodEnd.isAfter(end);
    }

    /** The ratio at the period ending {@code end}, from the figures of every period so far (others are ignored). */
    public static CoverageRatio at(LocalDate end, List<PeriodFigures> periods) {
        BigDecimal cfads = BigDecimal.ZERO;
        BigDecimal service = BigDecimal.ZERO;
        for (PeriodFigures period : periods) {
            if (inWindow(period.periodEnd(), end)) {
                cfads = cfads.add(period.cfads());
                service = service.add(period.seniorDebtService());
            }
        }
        return new CoverageRatio(cfads, service);
    }

    public boolean applicable() {
        return seniorDebtService.signum() != 0;
    }

    /** The ratio with 4 dp HALF_EVEN, empty when not applicable. */
    public Optional<BigDecimal> reported() {
        return applicable()
                ? Optional.of(cfads.divide(seniorDebtService, REPORTED_SCALE, RoundingMode.HALF_EVEN))
                : Optional.empty();
    }

    /** Exactly: CFADS < threshold × debt service (the debt service is positive). False when not applicable. */
    public boolean below(BigDecimal threshold) {
        return applicable() && cfads.compareTo(threshold.multiply(seniorDebtService)) < 0;
    }
}
