package com.capitalledger.core.shared;

import java.util.Currency;
import java.util.Objects;

/**
 * An ISO 4217 currency whose minor unit is the cent, the only kind the ledger's two-decimal amounts can express.
 */
public record CurrencyCode(String code) {

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
        if (!code.matches("[A-Z]{3}")) {
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
