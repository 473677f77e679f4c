package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of the commitment {@code increase} and {@code reduce} commands.
 */
public record CommitmentChangeRequest(
        @Schema(description = "Amount added to (increase) or removed from (reduce) the commitment in the program's "
                + "currency, a decimal string with exactly two decimals, > 0; a reduction may not exceed the "
                + "investor's unfunded commitment (INSUFFICIENT_UNFUNDED)",
                example = "1000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String amount,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-11-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Side letter of 2025-11-03")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public IncreaseCommitment increase(ProgramId program, InvestorId investor) {
        return new IncreaseCommitment(program, investor, new BigDecimal(amount), currency, effectiveDate);
    }

    public ReduceCommitment reduce(ProgramId program, InvestorId investor) {
        return new ReduceCommitment(program, investor, new BigDecimal(amount), currency, effectiveDate);
    }
}
