package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/commitments}.
 */
public record CommitEquityRequest(
        @Schema(description = "Investor identifier, new in the program (DUPLICATE_ID otherwise; increase an existing "
                + "commitment instead); 1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or "
                + "digit",
                example = "SOFTBANK")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String investorId,
        @Schema(description = "Investor's name, 1-200 characters", example = "SoftBank")
        @NotBlank @Size(max = Shapes.NAME_MAX) String investorName,
        @Schema(description = "Committed amount in the program's currency, a decimal string with exactly two decimals, "
                + "> 0",
                example = "19000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-01-21")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Subscription agreement signed")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public CommitEquity toCommand(ProgramId program) {
        return new CommitEquity(program, new InvestorId(investorId), investorName, new BigDecimal(amount), currency,
                effectiveDate);
    }
}
