package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/operating-cash-flows}. */
public record OperatingCashFlowRequest(
        @Schema(description = "End of the operating period the figures are for (YYYY-MM-DD): a period end on or "
                + "after operationsStart (INVALID_PERIOD otherwise); the command takes effect on it",
                example = "2027-03-31")
        @NotNull LocalDate periodEnd,
        @Schema(description = "Revenue of the period, a decimal string with exactly two decimals, >= 0",
                example = "1500000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String revenue,
        @Schema(description = "Operating costs of the period, a decimal string with exactly two decimals, >= 0",
                example = "400000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String operatingCosts,
        @Schema(description = "Taxes paid in the period, a decimal string with exactly two decimals, >= 0",
                example = "100000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String taxes,
        @Schema(description = "Maintenance capital expenditure of the period, a decimal string with exactly two "
                + "decimals, >= 0",
                example = "50000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String maintenanceCapex,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = ApiDocs.REASON,
                example = "Q1 2027 management accounts")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RecordOperatingCashFlow toCommand(ProgramId program) {
        return new RecordOperatingCashFlow(program, periodEnd, new BigDecimal(revenue), new BigDecimal(operatingCosts),
                new BigDecimal(taxes), new BigDecimal(maintenanceCapex), currency);
    }
}
