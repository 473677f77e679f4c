package com.capitalledger.core.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * A positive or zero amount of one currency, held exactly with two decimals.
 * <p>
 * Amounts that enter the ledger come through {@link #of(BigDecimal, CurrencyCode)}, which refuses anything but
 * a strictly positive value with exactly two decimals.
 */
public record Money(BigDecimal amount, CurrencyCode currency) {

    /** Fifteen digits before the point: 999 trillion, three orders of magnitude above the largest program. */
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != SCALE) {
            throw new IllegalArgumentException("money must have exactly two decimals: " + amount.toPlainString());
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + amount.toPlainString());
        }
    }

    /**
     * An amount entering the ledger, as the brief defines it: exactly two decimals, greater than zero, at most
     * {@value #MAX_INTEGER_DIGITS} digits before the point.
     *
     * @throws LedgerRejection {@link RejectionCode#INVALID_AMOUNT} otherwise
     */
    public static Money of(BigDecimal amount, CurrencyCode currency) {
        if (amount == null) {
            throw new LedgerRejection(RejectionCode.INVALID_AMOUNT, "amount is missing");
        }
        if (amount.scale() != SCALE) {
            throw new LedgerRejection(RejectionCode.INVALID_AMOUNT,
                    "amount " + amount.toPlainString() + " must have exactly two decimals");
        }
        if (amount.signum() <= 0) {
            throw new LedgerRejection(RejectionCode.INVALID_AMOUNT,
                    "amount " + amount.toPlainString() + " must be greater than zero");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new LedgerRejection(RejectionCode.INVALID_AMOUNT,
                    "amount " + amount.toPlainString() + " has more than " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        return new Money(amount, currency);
    }

    /** Nothing, in the given currency: where every running total of the ledger starts. */
    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO.setScale(SCALE), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    /** @throws IllegalArgumentException if the result would be negative: callers check their rules first */
    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean isGreaterThan(Money other) {
        return amount.compareTo(sameCurrency(other).amount) > 0;
    }

    /** -1, 0 or 1 as the amount is below, at or above zero (only 0 or 1: money is never negative). */
    public int signum() {
        return amount.signum();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other);
        }
        return other;
    }

    /** The amount as the API writes it: plain digits, exactly two decimals. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    /** For messages read by people: {@code 60,000,000,000.00 USD}. */
    @Override
    public String toString() {
        DecimalFormat grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouped.format(amount) + " " + currency.code();
    }
}
