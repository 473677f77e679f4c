package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/capital-calls}.
 */
public record CapitalCallRequest(
        @Schema(description = "Capital call identifier, new in the program (DUPLICATE_ID otherwise); 1-64 characters: "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "CALL-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String callId,
        @Schema(description = "Phase the call funds (UNKNOWN_PHASE otherwise); the call counts against its budget",
                example = "PHASE-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @Schema(description = "Amount called in the program's currency, a decimal string with exactly two decimals, > "
                + "0; split among investors not in default pro rata to their unfunded commitment, in whole cents; <= "
                + "their unfunded total (INSUFFICIENT_UNFUNDED) and within the phase budget (PHASE_BUDGET_EXCEEDED)",
                example = "5000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = "What the capital is for, 1-500 characters",
                example = "Site acquisition and long-lead equipment")
        @NotBlank @Size(max = Shapes.PURPOSE_MAX) String purpose,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-02-01")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Drawdown notice 1")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public CallCapital toCommand(ProgramId program) {
        return new CallCapital(program, new CallId(callId), new PhaseId(phaseId), new BigDecimal(amount), currency,
                purpose, effectiveDate);
    }
}
