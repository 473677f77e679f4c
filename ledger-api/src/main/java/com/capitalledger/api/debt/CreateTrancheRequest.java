package com.capitalledger.api.debt;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/programs/{programId}/tranches}: the tranche's terms and its syndicate. */
public record CreateTrancheRequest(
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String trancheId,
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @NotNull @Pattern(regexp = Shapes.SENIORITY, message = "must be SENIOR or MEZZANINE") String seniority,
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String commitment,
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String baseRate,
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String marginPct,
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String commitmentFeePct,
        @NotNull LocalDate availabilityEnd,
        @NotEmpty @Size(max = Shapes.LENDERS_MAX) List<@NotNull @Valid LenderRequest> lenders,
        @NotNull LocalDate effectiveDate,
        @Size(max = Shapes.REASON_MAX) String reason) {

    /** One lender of the syndicate and its part of the commitment. */
    public record LenderRequest(
            @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String lenderId,
            @NotBlank @Size(max = Shapes.NAME_MAX) String name,
            @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String commitment) {
    }
}
