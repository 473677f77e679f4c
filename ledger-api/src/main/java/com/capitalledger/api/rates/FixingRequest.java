package com.capitalledger.api.rates;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/base-rates/{rateName}/fixings}. */
public record FixingRequest(
        @NotNull @Pattern(regexp = Shapes.BASE_RATE, message = Shapes.BASE_RATE_MESSAGE) String ratePct,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
