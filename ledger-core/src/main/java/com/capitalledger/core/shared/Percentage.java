package com.capitalledger.core.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A share in percent between 0 (exclusive) and 100 (inclusive), with at most four decimals, such as a
 * program's maximum debt share.
 */
public record Percentage(BigDecimal percent) {

    public static final int MAX_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percentage {
        Objects.requireNonNull(percent, "percent");
        if (!isValid(percent)) {
            throw new IllegalArgumentException("not a percentage in (0, 100] with at most four decimals: " + percent);
        }
    }

    /** @throws LedgerRejection {@link RejectionCode#INVALID_RATE} for anything outside (0, 100] or past four decimals */
    public static Percentage of(BigDecimal percent) {
        if (percent == null || !isValid(percent)) {
            throw new LedgerRejection(RejectionCode.INVALID_RATE, "percentage "
                    + (percent == null ? "null" : percent.toPlainString())
                    + " must be greater than 0 and at most 100, with at most " + MAX_SCALE + " decimals");
        }
        return new Percentage(percent);
    }

    private static boolean isValid(BigDecimal percent) {
        return percent.scale() <= MAX_SCALE && percent.signum() > 0 && percent.compareTo(HUNDRED) <= 0;
    }

    public String toPlainString() {
        return percent.toPlainString();
    }
}
