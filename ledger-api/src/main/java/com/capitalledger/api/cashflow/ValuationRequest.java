package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/valuations}. */
public record ValuationRequest(
        @Schema(description = "Date the equity is valued at (YYYY-MM-DD); the command takes effect on it and may be "
                + "earlier than the program's latest effective date (back-datable like a fixing)",
                example = "2028-12-31")
        @NotNull LocalDate valuationDate,
        @Schema(description = "Value of the program's whole equity on that date, a decimal string with exactly two "
                + "decimals, >= 0; each investor's NAV is its share pro rata to paid-in",
                example = "60000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String equityValue,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.REASON,
                example = "Independent valuation at 31 December 2028")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RecordValuation toCommand(ProgramId program) {
        return new RecordValuation(program, valuationDate, new BigDecimal(equityValue), currency);
    }
}
