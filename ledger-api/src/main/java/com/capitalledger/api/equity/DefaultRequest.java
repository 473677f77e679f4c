package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/programs/{programId}/capital-calls/{callId}/defaults}. */
public record DefaultRequest(
        @Schema(description = "Investor that did not pay its allocation in this call: a known investor "
                + "(UNKNOWN_INVESTOR) with an allocation in it (NOT_ALLOCATED), not already in default on it "
                + "(ALREADY_DEFAULTED)",
                example = "ORACLE")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String investorId,
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-11-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Allocation unpaid at the due date")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public RecordCallDefault toCommand(ProgramId program, CallId call) {
        return new RecordCallDefault(program, call, new InvestorId(investorId), effectiveDate);
    }
}
