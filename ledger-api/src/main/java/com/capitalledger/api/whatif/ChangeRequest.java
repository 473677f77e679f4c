package com.capitalledger.api.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * One change of a what-if. Which fields it takes depends on {@code op}: {@code add} a command; {@code remove} an
 * eventId; {@code replace} an eventId and a command; {@code shiftRate} a baseRate, from and bps. Any other field given
 * is an error, not ignored.
 */
@Schema(description = "One hypothetical change. add: {op, command}; remove: {op, eventId}; replace: {op, eventId, "
        + "command}; shiftRate: {op, baseRate, from, bps}")
public record ChangeRequest(
        @Schema(description = "add, remove, replace or shiftRate", example = "add",
                allowableValues = {"add", "remove", "replace", "shiftRate"})
        @NotNull @Pattern(regexp = "^(add|remove|replace|shiftRate)$",
                message = "must be add, remove, replace or shiftRate")
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
                + "record-operating-cash-flow, run-waterfall, waive-event-of-default (eventOfDefaultId)",
                example = "{\"type\": \"draw\", \"trancheId\": \"SENIOR-A\", \"drawId\": \"D-X\", "
                        + "\"amount\": \"5000000000.00\", \"currency\": \"USD\", \"effectiveDate\": \"2026-03-02\"}")
        JsonNode command,
        @Schema(description = "shiftRate: the base rate (SOFR, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M or "
                + "TERM-SOFR-12M)", example = "SOFR")
        String baseRate,
        @Schema(description = "shiftRate: the first day shifted (YYYY-MM-DD); fixings before it are untouched",
                example = "2026-01-01")
        LocalDate from,
        @Schema(description = "shiftRate: basis points added to the rate in force on every day from 'from' on, "
                + "-10000 to 10000 (negative lowers it)", example = "200")
        Integer bps) {
}
