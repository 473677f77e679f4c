package com.capitalledger.api.program;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs}. Shapes are checked here; the program aggregate checks the rest.
 */
public record CreateProgramRequest(
        @Schema(description = "Program identifier, unique in the ledger (PROGRAM_EXISTS otherwise); 1-64 characters: "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "STARGATE")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String programId,
        @Schema(description = "Program name, 1-200 characters", example = "Stargate AI infrastructure")
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @Schema(description = "ISO 4217 code of the program's single currency, one with two decimals "
                + "(CURRENCY_MISMATCH otherwise); every later amount must be in it",
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = "Program target in the program's currency, a decimal string with exactly two decimals, > "
                + "0; phase budgets together may not exceed it",
                example = "500000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String targetAmount,
        @Schema(description = "Gearing covenant: maximum debt in percent of capitalisation (debt outstanding + paid-in "
                + "equity), > 0 and <= 100, at most 4 decimals",
                example = "90")
        @NotNull @Pattern(regexp = Shapes.PERCENT_4DP, message = Shapes.PERCENT_4DP_MESSAGE) String maxDebtPct,
        @Schema(description = "Date the program opens (YYYY-MM-DD); later commands may not be dated before it",
                example = "2025-01-21")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Program announced")
        @Size(max = Shapes.REASON_MAX) String reason) {
}
