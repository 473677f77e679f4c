package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST .../commitments/{investorId}/cancel} and of a default's cure. */
public record CancelRequest(
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-11-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Investor notice of 2025-11-03")
        @Size(max = Shapes.REASON_MAX) String reason) {
}
