package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The percentages the ledger reports (ownership, gearing) and the gearing covenant, all exact until one rounding. */
public final class Ratios {

    public static final int PERCENT_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratios() {
    }

    /** part / whole × 100, HALF_EVEN to six decimals; zero when the whole is zero. */
    public static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(PERCENT_SCALE);
        }
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Reported gearing: debt / (debt + paid-in equity) × 100, six decimals. */
    public static BigDecimal gearingPct(BigDecimal debtOutstanding, BigDecimal paidInEquity) {
        return percentOf(debtOutstanding, debtOutstanding.add(paidInEquity));
    }

    /**
     * The draw-stop covenant, exactly: debt × 100 ≤ max debt % × (debt + paid-in equity), where debt already includes
     * the new draw.
     */
    public static boolean withinGearing(BigDecimal debtAfterDraw, BigDecimal paidInEquity, BigDecimal maxDebtPct) {
        return debtAfterDraw.multiply(HUNDRED).compareTo(maxDebtPct.multiply(debtAfterDraw.add(paidInEquity))) <= 0;
    }
}
