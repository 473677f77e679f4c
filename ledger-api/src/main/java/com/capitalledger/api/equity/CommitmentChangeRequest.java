package com.capitalledger.api.equity;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of the commitment {@code increase} and {@code reduce} commands. */
public record CommitmentChangeRequest(
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
