package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/waterfalls}. */
public record WaterfallRequest(
        @Schema(description = "End of the operating period whose waterfall runs (YYYY-MM-DD): a period end on or after "
                + "operationsStart (INVALID_PERIOD otherwise); the waterfall takes effect on its payment date, the day "
                + "after, which must not be before the program's latest effective date (BACKDATED_COMMAND)",
                example = "2027-03-31")
        @NotNull LocalDate periodEnd,
        @Schema(description = ApiDocs.REASON,
                example = "Q1 2027 payment date")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RunWaterfall toCommand(ProgramId program) {
        return new RunWaterfall(program, periodEnd);
    }
}
