package com.capitalledger.api.program;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.program.api.CreatePhase;
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
 * Body of {@code POST /api/v1/programs/{programId}/phases}.
 */
public record CreatePhaseRequest(
        @Schema(description = "Phase identifier, new in the program (DUPLICATE_ID otherwise); 1-64 characters: "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "PHASE-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @Schema(description = "Phase name, 1-200 characters", example = "Phase 1: first campuses")
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @Schema(description = "Phase budget in the program's currency, a decimal string with exactly two decimals, > "
                + "0; all phase budgets together <= the program target (PROGRAM_TARGET_EXCEEDED)",
                example = "100000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String budget,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-01-21")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Phase 1 approved by the board")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public CreatePhase toCommand(ProgramId program) {
        return new CreatePhase(program, new PhaseId(phaseId), name, new BigDecimal(budget), currency, effectiveDate);
    }
}
