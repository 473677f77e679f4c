package com.capitalledger.api.program;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/phases}. */
public record CreatePhaseRequest(
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String budget,
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
