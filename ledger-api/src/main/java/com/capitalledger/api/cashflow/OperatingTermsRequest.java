package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/programs/{programId}/operating-terms}. The rules that tie fields together (a period of 3
 * or 6 months, thresholds above zero, the default threshold not above the lock-up one) are {@link ValidTerms}.
 */
@ValidTerms
public record OperatingTermsRequest(
        @Schema(description = "First day of operations (YYYY-MM-DD); the first period runs from it to the first "
                + "period end on or after it",
                example = "2027-01-01")
        @NotNull LocalDate operationsStart,
        @Schema(description = "Length of a period in months: 3 (calendar quarters) or 6 (half-years ending 06-30 and "
                + "12-31)",
                example = "3", allowableValues = {"3", "6"})
        @NotNull Integer periodMonths,
        @Schema(description = "DSCR below which the distribution test fails and cash is trapped in the lock-up "
                + "account: a decimal string > 0 with at most 4 decimals, not below defaultDscr",
                example = "1.2000")
        @NotNull @Pattern(regexp = Shapes.RATIO, message = Shapes.RATIO_MESSAGE) String lockUpDscr,
        @Schema(description = "DSCR below which a waterfall opens an event of default (DSCR_BELOW_DEFAULT): a decimal "
                + "string > 0 with at most 4 decimals, at most lockUpDscr",
                example = "1.0500")
        @NotNull @Pattern(regexp = Shapes.RATIO, message = Shapes.RATIO_MESSAGE) String defaultDscr,
        @Schema(description = "How many periods of forecast senior debt service the debt service reserve account "
                + "holds, 0 to 4",
                example = "2", minimum = "0", maximum = "4")
        @NotNull @Min(0) @Max(4) Integer dsraPeriods,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2026-12-01")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Operating terms of the credit agreement")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public SetOperatingTerms toCommand(ProgramId program) {
        return new SetOperatingTerms(program, operationsStart, periodMonths, new BigDecimal(lockUpDscr),
                new BigDecimal(defaultDscr), dsraPeriods, effectiveDate);
    }
}
