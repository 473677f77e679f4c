package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/commitments/{investorId}/transfers}.
 */
public record TransferRequest(
        @Schema(description = "Investor receiving the unfunded commitment: a known investor of the program "
                + "(UNKNOWN_INVESTOR otherwise), other than the transferor (SAME_INVESTOR otherwise)",
                example = "MGX")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String toInvestorId,
        @Schema(description = "Unfunded commitment moved in the program's currency, a decimal string with exactly two "
                + "decimals, > 0; <= the transferor's unfunded commitment (INSUFFICIENT_UNFUNDED); called capital "
                + "stays with the transferor",
                example = "1000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-11-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Secondary sale of commitment")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public TransferCommitment toCommand(ProgramId program, InvestorId from) {
        return new TransferCommitment(program, from, new InvestorId(toInvestorId), new BigDecimal(amount), currency,
                effectiveDate);
    }
}
