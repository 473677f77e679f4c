package com.capitalledger.api.documents;

import com.capitalledger.projections.fold.notices.CallNotice;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One investor's notice of a capital call, with the journal entry of the call and its proof. */
public record CallNoticeView(
        String programId, String callId,
        @Schema(description = "The phase the call funds") String phaseId,
        @Schema(description = "What the call is for") String purpose,
        @Schema(description = "The call's effective date") LocalDate effectiveDate,
        @Schema(description = "The whole call") BigDecimal callAmount,
        String investorId,
        @Schema(description = "The investor's allocation of the call") BigDecimal allocation,
        @Schema(description = "ALLOCATED, or IN_DEFAULT while a default of it is open") String allocationStatus,
        @Schema(description = "The investor's commitment on the call's date") BigDecimal committed,
        @Schema(description = "What has been called from it, this call included") BigDecimal calledToDate,
        @Schema(description = "Its unfunded commitment after the call: committed - calledToDate")
        BigDecimal unfunded,
        Provenance provenance) {

    static CallNoticeView of(CallNotice n, Provenance provenance) {
        return new CallNoticeView(n.programId(), n.callId(), n.phaseId(), n.purpose(), n.effectiveDate(),
                n.callAmount(), n.investorId(), n.allocation(), n.allocationStatus(), n.committed(), n.calledToDate(),
                n.unfunded(), provenance);
    }
}
