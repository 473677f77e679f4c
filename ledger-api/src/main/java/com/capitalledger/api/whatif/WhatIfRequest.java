package com.capitalledger.api.whatif;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/programs/{programId}/what-if}: the journal to branch, the changes and the dates to report. */
public record WhatIfRequest(
        @Schema(description = "The base is the program's journal as recorded at this instant (ISO-8601, UTC); now by "
                + "default", example = "2026-06-30T00:00:00Z")
        Instant knownAt,
        @ArraySchema(arraySchema = @Schema(description = "Dates to report base and scenario positions at "
                + "(YYYY-MM-DD, years 1900-2999), at most " + WhatIfLimits.MAX_DATES + "; today (UTC) by default; "
                + "not together with schedule",
                example = "[\"2025-12-31\", \"2026-12-31\"]"))
        @Size(max = WhatIfLimits.MAX_DATES) List<@NotNull LocalDate> asOf,
        @Schema(description = "Dates to report at, every period from a date to another; not together with asOf",
                example = "{\"from\": \"2025-01-31\", \"to\": \"2026-12-31\", \"every\": \"P1M\"}")
        @Valid Schedule schedule,
        @ArraySchema(arraySchema = @Schema(description = "The hypothetical changes, at most "
                + WhatIfLimits.MAX_CHANGES + ", applied in order where they fall at the same place; none gives the "
                + "base twice (a check that the replay reproduces the ledger)",
                example = "[{\"op\": \"shiftRate\", \"baseRate\": \"SOFR\", \"from\": \"2026-01-01\", \"bps\": 200}]"))
        @Size(max = WhatIfLimits.MAX_CHANGES) List<@NotNull @Valid ChangeRequest> changes) {

    /** Report dates {@code from}, {@code from + every}, {@code from + 2 every}, ... up to {@code to}. */
    public record Schedule(
            @Schema(description = "First date (YYYY-MM-DD)", example = "2025-01-31")
            @NotNull LocalDate from,
            @Schema(description = "Last date, inclusive (YYYY-MM-DD)", example = "2026-12-31")
            @NotNull LocalDate to,
            @Schema(description = "ISO-8601 period between dates, such as P1M (monthly, month ends kept as the "
                    + "calendar allows), P3M, P1Y, P1W or P1D", example = "P1M")
            @NotNull String every) {
    }
}
