package com.capitalledger.api.equity;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST .../commitments/{investorId}/cancel} and of a default's cure. */
public record CancelRequest(
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {
}
