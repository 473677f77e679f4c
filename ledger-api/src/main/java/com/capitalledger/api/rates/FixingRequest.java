package com.capitalledger.api.rates;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/base-rates/{rateName}/fixings}.
 */
public record FixingRequest(
        @Schema(description = "Fixing in percent per year, > -100 and < 100, at most 5 decimals, may be negative "
                + "(INVALID_RATE otherwise)",
                example = "4.31000")
        @NotNull @Pattern(regexp = Shapes.BASE_RATE, message = Shapes.BASE_RATE_MESSAGE) String ratePct,
        @Schema(description = "Date from which the fixing applies to every tranche on this rate, until the day before "
                + "the next fixing (YYYY-MM-DD); may be back-dated as a correction; a second fixing for the same date "
                + "replaces the first",
                example = "2025-01-21")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "SOFR fixing")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RecordBaseRateFixing toCommand(String rateName) {
        return new RecordBaseRateFixing(rateName, new BigDecimal(ratePct), effectiveDate);
    }
}
