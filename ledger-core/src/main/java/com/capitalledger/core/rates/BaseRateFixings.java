package com.capitalledger.core.rates;

import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Rate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the program aggregate may ask about base rates, which live in their own streams: the fixing in effect on a
 * day, as recorded now. A draw needs one; a waterfall
 * needs their history ({@link #steps}).
 */
@FunctionalInterface
public interface BaseRateFixings {

    Optional<Rate> inEffect(BaseRateName rate, LocalDate day);

    /**
     * The rate's percent per year day by day, as recorded now (back-dated corrections included): what a waterfall
     * accrues interest on. Lookups that only answer {@link #inEffect} cannot serve a waterfall.
     */
    default DailySteps steps(BaseRateName rate) {
        throw new IllegalStateException("these fixings hold no history of " + rate);
    }
}
