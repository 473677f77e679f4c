package com.capitalledger.core.rates.api;

import com.capitalledger.core.shared.Rate;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A base rate was fixed at {@code ratePct} from {@code effectiveDate}; it applies to every tranche on that rate. */
@Revision("1")
public record BaseRateFixed(BaseRateName rateName, Rate ratePct, LocalDate effectiveDate) implements BaseRateEvent {
}
