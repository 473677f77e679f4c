package com.capitalledger.api.equity;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/capital-calls}. */
public record CapitalCallRequest(
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String callId,
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @NotBlank @Size(max = Shapes.PURPOSE_MAX) String purpose,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
