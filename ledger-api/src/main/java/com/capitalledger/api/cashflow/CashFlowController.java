package com.capitalledger.api.cashflow;

import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.ProgramId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.capitalledger.api.web.ApiDocs.COMMAND_ANSWER;
import static com.capitalledger.api.web.ApiDocs.COMMAND_ERRORS;
import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * Operations commands (section 10): operating terms, repayment schedules, operating cash flows, the waterfall and
 * waivers of events of default. Each answers with the program's cash flows (or the tranche) as Location.
 */
@Tag(name = "Cash flows", description = "Operations: terms, repayment schedules, operating cash flows, the waterfall, "
        + "waivers of events of default and valuations")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class CashFlowController {

    private final CommandSender commands;

    public CashFlowController(CommandSender commands) {
        this.commands = commands;
    }

    private static ProgramId program(String programId) {
        return PathIds.parse("programId", programId, ProgramId::new);
    }

    private static ResponseEntity<CommandAccepted> cashFlowsChanged(String programId, long version) {
        return CommandAccepted.created("/api/v1/programs/" + programId + "/cash-flows", programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "setOperatingTerms", summary = "Set the program's operating terms",
            description = "Sets when operations start, the period length (3 or 6 months), the DSCR thresholds of the "
                    + "lock-up and of an event of default, and how many periods of senior debt service the DSRA holds. "
                    + "Setting them again replaces them until the first waterfall has run. Malformed terms (a period "
                    + "other than 3 or 6 months, dsraPeriods outside 0-4, a threshold of 0 or with more than 4 "
                    + "decimals, defaultDscr above lockUpDscr) are 400 VALIDATION_FAILED." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 TERMS_LOCKED, BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(SetOperatingTerms.class)
    @PostMapping("/operating-terms")
    public ResponseEntity<CommandAccepted> setTerms(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody OperatingTermsRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return cashFlowsChanged(programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "setRepaymentSchedule", summary = "Set a tranche's repayment schedule",
            description = "Sets the installments of a tranche, each a percentage of the base B (the tranche's "
                    + "outstanding at the end of the day before the first due date, fixed then); the last installment "
                    + "absorbs the rounding. Replaces an earlier schedule until its first installment has fallen due."
                    + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_TRANCHE, NO_OPERATING_TERMS, "
                    + "INVALID_SCHEDULE (a due date that is not an operating period's payment date after the effective "
                    + "date, due dates not strictly increasing, a percentage of 0 or above 100, percentages not "
                    + "summing to exactly 100), SCHEDULE_LOCKED, BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(SetRepaymentSchedule.class)
    @PostMapping("/tranches/{trancheId}/repayment-schedule")
    public ResponseEntity<CommandAccepted> setSchedule(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Tranche identifier", example = "SENIOR-A") @PathVariable String trancheId,
            @Valid @RequestBody RepaymentScheduleRequest body,
            HttpServletRequest request) {
        TrancheId tranche = PathIds.parse("trancheId", trancheId, TrancheId::new);
        long version = commands.send(body.toCommand(program(programId), tranche), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/tranches/" + trancheId, programId,
                version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordOperatingCashFlow", summary = "Record a period's operating cash flow",
            description = "Records a period's revenue, operating costs, taxes and maintenance capex; CFADS is revenue "
                    + "minus the other three and may be negative. Effective on the period end and exempt from "
                    + "BACKDATED_COMMAND (actuals arrive after the period); it does not move the program's latest "
                    + "effective date. A second record for the same period replaces the first until that period's "
                    + "waterfall has run." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 NO_OPERATING_TERMS, "
                    + "INVALID_PERIOD (not a period end, or before operationsStart), PERIOD_CLOSED, CURRENCY_MISMATCH, "
                    + "INVALID_AMOUNT." + COMMAND_ERRORS)
    @SendsCommand(RecordOperatingCashFlow.class)
    @PostMapping("/operating-cash-flows")
    public ResponseEntity<CommandAccepted> recordCashFlow(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody OperatingCashFlowRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return cashFlowsChanged(programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordValuation", summary = "Record a valuation of the program's equity",
            description = "Records what the program's whole equity is worth on a date. From that date until the next "
                    + "valuation each investor's NAV is the value split pro rata to paid-in (largest remainder); "
                    + "before any, NAV is paid-in (cost). Effective on the valuation date and back-datable like a "
                    + "fixing; it does not move the program's latest effective date. A second valuation of the same "
                    + "date replaces the first." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 "
                    + "CURRENCY_MISMATCH, INVALID_AMOUNT." + COMMAND_ERRORS)
    @SendsCommand(RecordValuation.class)
    @PostMapping("/valuations")
    public ResponseEntity<CommandAccepted> recordValuation(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody ValuationRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/returns", programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "runWaterfall", summary = "Run a period's waterfall",
            description = "Pays the period's cash available (max(CFADS, 0)) on its payment date (the period end + 1 "
                    + "day), in order: senior interest and fees, senior principal (drawing the DSRA for a shortfall), "
                    + "the DSRA to its target, mezzanine interest and fees, mezzanine principal; then the distribution "
                    + "test (DSCR against the lock-up, the DSRA at target, debt paid in full, no open event of "
                    + "default) distributes the cash left and the lock-up account to the investors pro rata to "
                    + "paid-in, or traps it. A DSCR below the default threshold or a debt shortfall opens an event of "
                    + "default (EOD-{periodEnd}-DSCR or -PAYMENT), which stops draws until waived. The journal entry "
                    + "of the WaterfallRun event carries every figure." + COMMAND_ANSWER + " Rejections: 404 "
                    + "NO_PROGRAM; 422 NO_OPERATING_TERMS, INVALID_PERIOD, NO_CASH_FLOW, PERIOD_OUT_OF_ORDER (an "
                    + "earlier period has no waterfall), WATERFALL_ALREADY_RUN, BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(RunWaterfall.class)
    @PostMapping("/waterfalls")
    public ResponseEntity<CommandAccepted> runWaterfall(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody WaterfallRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return cashFlowsChanged(programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "waiveEventOfDefault", summary = "Waive an event of default",
            description = "Records the lenders' waiver of an open event of default from its effective date; views "
                    + "before that date show it open. The reason is required." + COMMAND_ANSWER + " Rejections: 404 "
                    + "NO_PROGRAM; 422 UNKNOWN_EVENT_OF_DEFAULT, ALREADY_WAIVED, BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(WaiveEventOfDefault.class)
    @PostMapping("/events-of-default/{eventOfDefaultId}/waiver")
    public ResponseEntity<CommandAccepted> waive(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Event of default identifier, EOD-{periodEnd}-DSCR or EOD-{periodEnd}-PAYMENT",
                    example = "EOD-2027-06-30-DSCR") @PathVariable String eventOfDefaultId,
            @Valid @RequestBody WaiverRequest body,
            HttpServletRequest request) {
        EventOfDefaultId id = PathIds.parse("eventOfDefaultId", eventOfDefaultId, EventOfDefaultId::new);
        long version = commands.send(body.toCommand(program(programId), id), body.reason(), request);
        return cashFlowsChanged(programId, version);
    }
}
