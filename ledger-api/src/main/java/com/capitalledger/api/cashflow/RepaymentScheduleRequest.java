package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.ApiDocs;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/programs/{programId}/tranches/{trancheId}/repayment-schedule}. */
public record RepaymentScheduleRequest(
        @ArraySchema(arraySchema = @Schema(description = "The installments, at most 200: due dates strictly "
                + "increasing, each the payment date of an operating period (a period end + 1 day) after effectiveDate, "
                + "percentages above 0 summing to exactly 100 (INVALID_SCHEDULE otherwise)",
                example = "[{\"dueDate\": \"2027-04-01\", \"pct\": \"50\"}, {\"dueDate\": \"2027-07-01\", "
                        + "\"pct\": \"50\"}]"))
        @NotNull @Size(max = Shapes.INSTALLMENTS_MAX) List<@NotNull @Valid InstallmentRequest> installments,
        @Schema(description = "Date the command takes effect, for the whole day (YYYY-MM-DD); before every due date; "
                + "not before the program's latest effective date (BACKDATED_COMMAND)",
                example = "2026-12-01")
        @NotNull LocalDate effectiveDate,
        @Schema(description = ApiDocs.REASON,
                example = "Amortisation profile of the credit agreement")
        @Size(max = Shapes.REASON_MAX) String reason) {

    public SetRepaymentSchedule toCommand(ProgramId program, TrancheId tranche) {
        return new SetRepaymentSchedule(program, tranche, installments.stream()
                .map(installment -> new ProposedInstallment(installment.dueDate(), new BigDecimal(installment.pct())))
                .toList(), effectiveDate);
    }

    /** One installment: when it falls due and its share of the base B. */
    public record InstallmentRequest(
            @Schema(description = "Payment date the installment falls due on (YYYY-MM-DD): an operating period's end "
                    + "+ 1 day",
                    example = "2027-04-01")
            @NotNull LocalDate dueDate,
            @Schema(description = "Share of the base B (the outstanding the day before the first due date), percent, "
                    + "above 0 with at most 4 decimals",
                    example = "12.5000")
            @NotNull @Pattern(regexp = Shapes.PERCENT_4DP, message = Shapes.PERCENT_4DP_MESSAGE) String pct) {
    }
}
