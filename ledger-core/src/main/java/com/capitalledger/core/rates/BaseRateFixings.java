package com.capitalledger.core.rates;

import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Rate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the program aggregate may ask about base rates, which live in their own streams: the fixing in effect on a
 * day, as recorded now. A draw needs one.
 */
@FunctionalInterface
public interface BaseRateFixings {

    Optional<Rate> inEffect(BaseRateName rate, LocalDate day);
}
