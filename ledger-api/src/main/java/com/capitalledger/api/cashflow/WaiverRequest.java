package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/events-of-default/{eventOfDefaultId}/waiver}. */
public record WaiverRequest(
        @Schema(description = ApiDocs.EFFECTIVE_DATE + "; views before it show the event of default open",
                example = "2027-05-15")
        @NotNull LocalDate effectiveDate,
        @Schema(description = "Why the lenders waive it, required, at most 500 characters; recorded in the waiver "
                + "and in the audit trail",
                example = "Majority lenders' waiver letter of 2027-05-14")
        @NotBlank @Size(max = Shapes.REASON_MAX) String reason) {

    public WaiveEventOfDefault toCommand(ProgramId program, EventOfDefaultId eventOfDefault) {
        return new WaiveEventOfDefault(program, eventOfDefault, reason, effectiveDate);
    }
}
