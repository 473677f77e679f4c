package com.capitalledger.api.debt;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/tranches/{trancheId}/repricings}. */
public record RepriceRequest(
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String newMarginPct,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
