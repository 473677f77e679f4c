package com.capitalledger.api.debt;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/programs/{programId}/tranches}: the tranche's terms and its syndicate.
 */
public record CreateTrancheRequest(
        @Schema(description = "Tranche identifier, new in the program (DUPLICATE_ID otherwise); 1-64 characters: "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "SENIOR-A")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String trancheId,
        @Schema(description = "Phase the tranche finances (UNKNOWN_PHASE otherwise); its draws count against the phase "
                + "budget",
                example = "PHASE-1")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String phaseId,
        @Schema(description = "Tranche name, 1-200 characters", example = "Senior term loan A")
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @Schema(description = "SENIOR or MEZZANINE", example = "SENIOR")
        @NotNull @Pattern(regexp = Shapes.SENIORITY, message = "must be SENIOR or MEZZANINE") String seniority,
        @Schema(description = "Total commitment of the tranche in the program's currency, a decimal string with "
                + "exactly two decimals, > 0; must equal the sum of the lenders' commitments (LENDER_SUM_MISMATCH)",
                example = "40000000000.00")
        @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String commitment,
        @Schema(description = ApiDocs.CURRENCY,
                example = "USD")
        @NotNull @Pattern(regexp = Shapes.CURRENCY, message = Shapes.CURRENCY_MESSAGE) String currency,
        @Schema(description = "Base rate the tranche floats on: SOFR, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M or "
                + "TERM-SOFR-12M (UNKNOWN_BASE_RATE otherwise)",
                example = "SOFR")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String baseRate,
        @Schema(description = "Margin over the base rate, percent per year, >= 0 and < 100, at most 4 decimals "
                + "(INVALID_RATE otherwise)",
                example = "2.2500")
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String marginPct,
        @Schema(description = "Commitment fee on the undrawn commitment, percent per year, >= 0 and < 100, at most 4 "
                + "decimals (INVALID_RATE otherwise)",
                example = "0.3500")
        @NotNull @Pattern(regexp = Shapes.MARGIN, message = Shapes.MARGIN_MESSAGE) String commitmentFeePct,
        @Schema(description = "Last day the tranche may be drawn (YYYY-MM-DD), not before effectiveDate "
                + "(AVAILABILITY_ENDED otherwise); the commitment fee accrues until then",
                example = "2028-12-31")
        @NotNull LocalDate availabilityEnd,
        @ArraySchema(arraySchema = @Schema(description = "The syndicate: 1-100 lenders with distinct ids "
                + "(DUPLICATE_ID otherwise) whose commitments sum exactly to the tranche commitment",
                example = "[{\"lenderId\": \"BANK-A\", \"name\": \"Bank A\", \"commitment\": \"15000000000.00\"}, "
                        + "{\"lenderId\": \"BANK-B\", \"name\": \"Bank B\", \"commitment\": \"15000000000.00\"}, "
                        + "{\"lenderId\": \"BANK-C\", \"name\": \"Bank C\", \"commitment\": \"10000000000.00\"}]"))
        @NotEmpty @Size(max = Shapes.LENDERS_MAX) List<@NotNull @Valid LenderRequest> lenders,
        @Schema(description = "Date the command takes effect, for the whole day (YYYY-MM-DD); interest and the "
                + "commitment fee accrue from this day; not before the program's latest effective date "
                + "(BACKDATED_COMMAND)",
                example = "2025-02-01")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Senior facility signed")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public CreateTranche toCommand(ProgramId program) {
        return new CreateTranche(program, new TrancheId(trancheId), new PhaseId(phaseId), name,
                Seniority.valueOf(seniority), new BigDecimal(commitment), currency, baseRate, new BigDecimal(marginPct),
                new BigDecimal(commitmentFeePct), availabilityEnd, lenders.stream().map(lender -> new LenderCommitment(
                        new LenderId(lender.lenderId()), lender.name(), new BigDecimal(lender.commitment()))).toList(),
                effectiveDate);
    }

    /** One lender of the syndicate and its part of the commitment. */
    public record LenderRequest(
            @Schema(description = "Lender identifier, distinct within the tranche; 1-64 characters: letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit",
                    example = "BANK-A")
            @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String lenderId,
            @Schema(description = "Lender name, 1-200 characters", example = "Bank A")
            @NotBlank @Size(max = Shapes.NAME_MAX) String name,
            @Schema(description = "This lender's part of the tranche commitment in the program's currency, a decimal "
                    + "string with exactly two decimals, > 0",
                    example = "15000000000.00")
            @NotNull @Pattern(regexp = Shapes.AMOUNT, message = Shapes.AMOUNT_MESSAGE) String commitment) {
    }
}
