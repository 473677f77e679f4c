package com.capitalledger.core.shared;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency whose minor unit is the cent, the only kind the ledger's two-decimal amounts can express.
 */
public record CurrencyCode(String code) {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(code, "code");
        if (!isSupported(code)) {
            throw new IllegalArgumentException("not an ISO 4217 currency with two decimals: " + code);
        }
    }

    /**
     * @throws LedgerRejection {@link RejectionCode#CURRENCY_MISMATCH} for a code that is not an ISO 4217 currency
     *                         with two decimals (the ledger cannot hold its amounts)
     */
    public static CurrencyCode of(String code) {
        if (code == null || !isSupported(code)) {
            throw new LedgerRejection(RejectionCode.CURRENCY_MISMATCH,
                    "currency " + code + " is not an ISO 4217 currency with two decimals");
        }
        return new CurrencyCode(code);
    }

    private static boolean isSupported(String code) {
        if (!THREE_LETTERS.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() == Money.SCALE;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
