package com.capitalledger.api.equity;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/capital-calls/{callId}/defaults}. */
public record DefaultRequest(
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String investorId,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
