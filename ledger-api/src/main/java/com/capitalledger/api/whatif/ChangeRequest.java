package com.capitalledger.api.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * One change of a what-if. Which fields it takes depends on {@code op}: {@code add} a command; {@code remove} an
 * eventId; {@code replace} an eventId and a command; {@code shiftRate} a baseRate, from and bps; {@code scaleCashFlows}
 * from and revenuePct, operatingCostsPct or both. Any other field given is an error, not ignored.
 */
@Schema(description = "One hypothetical change. add: {op, command}; remove: {op, eventId}; replace: {op, eventId, "
        + "command}; shiftRate: {op, baseRate, from, bps}; scaleCashFlows: {op, from, revenuePct and/or "
        + "operatingCostsPct}")
public record ChangeRequest(
        @Schema(description = "add, remove, replace, shiftRate or scaleCashFlows", example = "add",
                allowableValues = {"add", "remove", "replace", "shiftRate", "scaleCashFlows"})
        @NotNull @Pattern(regexp = "^(add|remove|replace|shiftRate|scaleCashFlows)$",
                message = "must be add, remove, replace, shiftRate or scaleCashFlows")
        String op,
        @Schema(description = "remove, replace: the event's id, as GET /api/v1/programs/{programId}/events lists it "
                + "(the audit trail's entryId)", example = "0b9f6c1e-6f0e-4d8e-9a53-5d0f3c4b2a11")
        @Pattern(regexp = "^[0-9a-fA-F-]{36}$", message = "must be an event id: 36 characters, hex digits and '-'")
        String eventId,
        @Schema(description = "add, replace: the command, as its endpoint takes it, with the ids its path carries and "
                + "its type: create-phase, commit-equity, increase-commitment, reduce-commitment, cancel-commitment "
                + "(investorId), transfer-commitment (investorId = from), capital-call, record-default (callId), "
                + "cure-default (callId, investorId), create-tranche, draw, repay, reprice (trancheId), "
                + "base-rate-fixing (baseRate), set-operating-terms, set-repayment-schedule (trancheId), "
                + "record-operating-cash-flow, run-waterfall, waive-event-of-default (eventOfDefaultId), "
                + "record-valuation",
                example = "{\"type\": \"draw\", \"trancheId\": \"SENIOR-A\", \"drawId\": \"D-X\", "
                        + "\"amount\": \"5000000000.00\", \"currency\": \"USD\", \"effectiveDate\": \"2026-03-02\"}")
        JsonNode command,
        @Schema(description = "shiftRate: the base rate (SOFR, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M or "
                + "TERM-SOFR-12M)", example = "SOFR")
        String baseRate,
        @Schema(description = "shiftRate: the first day shifted (YYYY-MM-DD); fixings before it are untouched. "
                + "scaleCashFlows: the recorded cash flows whose period ends on or after it are scaled",
                example = "2026-01-01")
        LocalDate from,
        @Schema(description = "shiftRate: basis points added to the rate in force on every day from 'from' on, "
                + "-10000 to 10000 (negative lowers it)", example = "200")
        Integer bps,
        @Schema(description = "scaleCashFlows: percent added to each scaled cash flow's revenue (revenue × (1 + "
                + "pct/100), HALF_EVEN to the cent): a decimal string with at most 4 decimals, above -100 and at most "
                + "9999.9999; optional if operatingCostsPct is given", example = "-20")
        @Pattern(regexp = SCALE_PCT, message = SCALE_PCT_MESSAGE)
        String revenuePct,
        @Schema(description = "scaleCashFlows: percent added to each scaled cash flow's operating costs, as "
                + "revenuePct; optional if revenuePct is given", example = "10")
        @Pattern(regexp = SCALE_PCT, message = SCALE_PCT_MESSAGE)
        String operatingCostsPct) {

    static final String SCALE_PCT = "^-?(0|[1-9][0-9]{0,3})(\\.[0-9]{1,4})?$";
    static final String SCALE_PCT_MESSAGE = "must be a percentage with at most 4 decimals, above -100 and at most "
            + "9999.9999, such as -20 or 12.5";
}
