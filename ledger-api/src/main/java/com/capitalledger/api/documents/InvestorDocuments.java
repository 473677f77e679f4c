package com.capitalledger.api.documents;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The documents an investor can ask for, each at its path (JSON, or PDF with Accept: application/pdf). */
public record InvestorDocuments(String programId, String investorId, List<CallNoticeLink> callNotices,
                                List<DistributionNoticeLink> distributionNotices,
                                List<StatementLink> statements) {

    public record CallNoticeLink(String callId, LocalDate effectiveDate, BigDecimal allocation,
                                 @Schema(description = "The notice's path") String href) {
    }

    public record DistributionNoticeLink(LocalDate paymentDate, BigDecimal allocation,
                                         @Schema(description = "The notice's path") String href) {
    }

    public record StatementLink(@Schema(description = "The calendar quarter", example = "2026-Q1") String quarter,
                                LocalDate from, LocalDate to,
                                @Schema(description = "The statement's path") String href) {
    }
}
