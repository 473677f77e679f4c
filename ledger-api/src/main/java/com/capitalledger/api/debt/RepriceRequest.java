package com.capitalledger.api.debt;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/tranches/{trancheId}/repricings}.
 */
public record RepriceRequest(
        @Schema(description = "New margin over the base rate, percent per year, >= 0 and < 100, at most 4 decimals "
                + "(INVALID_RATE otherwise)",
                example = "2.0000")
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String newMarginPct,
        @Schema(description = "Date from which the new margin applies (YYYY-MM-DD); may be back-dated as a correction, "
                + "but not before the tranche's creation (BACKDATED_COMMAND); a second repricing with the same date "
                + "replaces the first",
                example = "2025-09-01")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Margin step-down after syndication")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RepriceTranche toCommand(ProgramId program, TrancheId tranche) {
        return new RepriceTranche(program, tranche, new BigDecimal(newMarginPct), effectiveDate);
    }
}
