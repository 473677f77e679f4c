package com.capitalledger.api.debt;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/tranches/{trancheId}/draws}.
 */
public record DrawRequest(
        @Schema(description = "Draw identifier, new in the program (DUPLICATE_ID otherwise); 1-64 characters: letters, "
                + "digits, '.', '_' or '-', starting with a letter or digit",
                example = "D-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String drawId,
        @Schema(description = "Amount drawn in the program's currency, a decimal string with exactly two decimals, > "
                + "0; cumulative drawn + amount <= the tranche commitment (COMMITMENT_EXCEEDED), within the phase "
                + "budget (PHASE_BUDGET_EXCEEDED) and the gearing covenant (GEARING_COVENANT_BREACH); split across "
                + "lenders pro rata to their undrawn commitment",
                example = "6000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = "Date the command takes effect, for the whole day (YYYY-MM-DD); on or before the "
                + "tranche's availability end (AVAILABILITY_ENDED), with a base-rate fixing in effect (NO_BASE_RATE), "
                + "not before the program's latest effective date (BACKDATED_COMMAND); accrues interest from this day",
                example = "2025-03-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Long-lead equipment deposit")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public DrawTranche toCommand(ProgramId program, TrancheId tranche) {
        return new DrawTranche(program, tranche, new DrawId(drawId), new BigDecimal(amount), currency, effectiveDate);
    }
}
