package com.capitalledger.api.equity;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST .../commitments/{investorId}/cancel} and of a default's cure. */
public record CancelRequest(
        @Schema(description = ApiDocs.EFFECTIVE_DATE,
                example = "2025-11-03")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Investor notice of 2025-11-03")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public CancelCommitment cancel(ProgramId program, InvestorId investor) {
        return new CancelCommitment(program, investor, effectiveDate);
    }

    public CureCallDefault cure(ProgramId program, CallId call, InvestorId investor) {
        return new CureCallDefault(program, call, investor, effectiveDate);
    }
}
