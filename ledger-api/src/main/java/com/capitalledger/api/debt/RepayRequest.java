package com.capitalledger.api.debt;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/tranches/{trancheId}/repayments}.
 */
public record RepayRequest(
        @Schema(description = "Repayment identifier, new in the program (DUPLICATE_ID otherwise); 1-64 characters: "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "R-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String repaymentId,
        @Schema(description = "Amount repaid in the program's currency, a decimal string with exactly two decimals, > "
                + "0; <= the tranche's outstanding (REPAYMENT_EXCEEDS_OUTSTANDING); split across lenders pro rata to "
                + "their outstanding; repaid money cannot be redrawn",
                example = "234567890.12")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = "Date the command takes effect, for the whole day (YYYY-MM-DD); stops accrual on the "
                + "repaid amount from this day; not before the program's latest effective date (BACKDATED_COMMAND)",
                example = "2025-10-15")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Partial prepayment")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RepayTranche toCommand(ProgramId program, TrancheId tranche) {
        return new RepayTranche(program, tranche, new RepaymentId(repaymentId), new BigDecimal(amount), currency,
                effectiveDate);
    }
}
