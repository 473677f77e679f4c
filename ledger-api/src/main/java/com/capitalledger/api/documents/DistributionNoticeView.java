package com.capitalledger.api.documents;

import com.capitalledger.projections.fold.notices.DistributionNotice;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One investor's notice of a distribution, with the journal entry of its waterfall and its proof. */
public record DistributionNoticeView(
        String programId,
        @Schema(description = "The day it was paid: the period end + 1 day") LocalDate paymentDate,
        @Schema(description = "The last day of the period whose waterfall paid it") LocalDate periodEnd,
        @Schema(description = "What the waterfall distributed to every investor") BigDecimal amount,
        String investorId,
        @Schema(description = "The investor's allocation of it") BigDecimal allocation,
        @Schema(description = "The investor's share basis: its paid-in on the payment date") BigDecimal paidIn,
        @Schema(description = "The paid-in of every investor the distribution allocated to: the basis it was split "
                + "pro rata to") BigDecimal basisPaidIn,
        @Schema(description = "What the investor has been distributed to date, this distribution included")
        BigDecimal distributedToDate,
        Provenance provenance) {

    static DistributionNoticeView of(DistributionNotice n, Provenance provenance) {
        return new DistributionNoticeView(n.programId(), n.paymentDate(), n.periodEnd(), n.amount(), n.investorId(),
                n.allocation(), n.paidIn(), n.basisPaidIn(), n.distributedToDate(), provenance);
    }
}
