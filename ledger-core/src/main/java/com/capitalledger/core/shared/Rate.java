package com.capitalledger.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An interest rate in percent per year, held exactly. Base rates carry up to five decimals, margins and fees up to
 * four; every rate the ledger reports is shown with five.
 */
public record Rate(BigDecimal percent) {

    public static final int BASE_RATE_SCALE = 5;
    public static final int MARGIN_SCALE = 4;
    public static final int REPORTED_SCALE = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        Objects.requireNonNull(percent, "percent");
        if (percent.scale() > BASE_RATE_SCALE) {
            throw new IllegalArgumentException("a rate has at most five decimals: " + percent.toPlainString());
        }
    }

    /**
     * A published base rate such as SOFR: up to five decimals, and above -100 and below 100 percent (base rates
     * have been negative).
     *
     * @throws LedgerRejection {@link RejectionCode#INVALID_RATE} otherwise
     */
    public static Rate baseRate(BigDecimal percent) {
        return checked("base rate", percent, BASE_RATE_SCALE, HUNDRED.negate());
    }

    /**
     * A margin or fee: up to four decimals, at least 0 and below 100 percent.
     *
     * @throws LedgerRejection {@link RejectionCode#INVALID_RATE} otherwise
     */
    public static Rate marginOrFee(String what, BigDecimal percent) {
        return checked(what, percent, MARGIN_SCALE, BigDecimal.ZERO);
    }

    private static Rate checked(String what, BigDecimal percent, int maxScale, BigDecimal lowestAllowed) {
        if (percent == null) {
            throw new LedgerRejection(RejectionCode.INVALID_RATE, what + " is missing");
        }
        boolean inRange = lowestAllowed.signum() == 0 ? percent.signum() >= 0 : percent.compareTo(lowestAllowed) > 0;
        if (percent.scale() > maxScale || !inRange || percent.compareTo(HUNDRED) >= 0) {
            throw new LedgerRejection(RejectionCode.INVALID_RATE, what + " " + percent.toPlainString()
                    + "% must have at most " + maxScale + " decimals and lie in "
                    + (lowestAllowed.signum() == 0 ? "[0, 100)" : "(-100, 100)"));
        }
        return new Rate(percent);
    }

    /** The rate as the API reports it: five decimals. */
    public String toReported() {
        return percent.setScale(REPORTED_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public String toString() {
        return percent.toPlainString() + "%";
    }
}
