package com.capitalledger.projections.fold;

import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Short ways to write the figures of the fold tests. */
public final class Values {

    public static final CurrencyCode USD = new CurrencyCode("USD");

    private Values() {
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static Rate rate(String percent) {
        return new Rate(new BigDecimal(percent));
    }
}
