package com.capitalledger.api.equity;

import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
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

/** Equity commands: commitments and their changes, capital calls, defaults and cures. */
@Tag(name = "Equity", description = "Equity commitments, capital calls, defaults and cures")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class EquityController {

    private static final String INVESTOR_ID = "Investor identifier, as given when it committed";
    private static final String CALL_ID = "Capital call identifier";

    private final CommandSender commands;

    public EquityController(CommandSender commands) {
        this.commands = commands;
    }

    private static ProgramId program(String programId) {
        return PathIds.parse("programId", programId, ProgramId::new);
    }

    private static InvestorId investor(String investorId) {
        return PathIds.parse("investorId", investorId, InvestorId::new);
    }

    private static ResponseEntity<CommandAccepted> investorChanged(String programId, String investorId, long version) {
        return CommandAccepted.created("/api/v1/programs/" + programId + "/investors/" + investorId, programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "commitEquity", summary = "Commit equity",
            description = "Records a new investor's equity commitment to the program." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 DUPLICATE_ID, CURRENCY_MISMATCH, INVALID_AMOUNT, "
                    + "BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(CommitEquity.class)
    @PostMapping("/commitments")
    public ResponseEntity<CommandAccepted> commit(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody CommitEquityRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return investorChanged(programId, body.investorId(), version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "increaseCommitment", summary = "Increase a commitment",
            description = "Adds to an investor's committed amount." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_INVESTOR, CURRENCY_MISMATCH, INVALID_AMOUNT, "
                    + "BACKDATED_COMMAND." + COMMAND_ERRORS)
    @SendsCommand(IncreaseCommitment.class)
    @PostMapping("/commitments/{investorId}/increase")
    public ResponseEntity<CommandAccepted> increase(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = INVESTOR_ID, example = "SOFTBANK") @PathVariable String investorId,
            @Valid @RequestBody CommitmentChangeRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.increase(program(programId), investor(investorId)), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "reduceCommitment", summary = "Reduce a commitment",
            description = "Removes part of an investor's unfunded commitment (committed - called)." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_INVESTOR, CURRENCY_MISMATCH, INVALID_AMOUNT, "
                    + "BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED." + COMMAND_ERRORS)
    @SendsCommand(ReduceCommitment.class)
    @PostMapping("/commitments/{investorId}/reduce")
    public ResponseEntity<CommandAccepted> reduce(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = INVESTOR_ID, example = "SOFTBANK") @PathVariable String investorId,
            @Valid @RequestBody CommitmentChangeRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.reduce(program(programId), investor(investorId)), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "cancelCommitment", summary = "Cancel a commitment's unfunded part",
            description = "Sets the investor's committed amount to what it has been called, cancelling all its "
                    + "unfunded commitment." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_INVESTOR, "
                    + "BACKDATED_COMMAND, NOTHING_TO_CANCEL." + COMMAND_ERRORS)
    @SendsCommand(CancelCommitment.class)
    @PostMapping("/commitments/{investorId}/cancel")
    public ResponseEntity<CommandAccepted> cancel(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = INVESTOR_ID, example = "SOFTBANK") @PathVariable String investorId,
            @Valid @RequestBody CancelRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.cancel(program(programId), investor(investorId)), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "transferCommitment", summary = "Transfer unfunded commitment to another investor",
            description = "Moves unfunded commitment from the investor in the path to toInvestorId; what was called "
                    + "stays with the transferor, which may not be in default." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_INVESTOR (either investor), SAME_INVESTOR, "
                    + "CURRENCY_MISMATCH, INVALID_AMOUNT, BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED, "
                    + "INVESTOR_IN_DEFAULT." + COMMAND_ERRORS)
    @SendsCommand(TransferCommitment.class)
    @PostMapping("/commitments/{investorId}/transfers")
    public ResponseEntity<CommandAccepted> transfer(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Transferring investor's identifier", example = "SOFTBANK")
            @PathVariable String investorId,
            @Valid @RequestBody TransferRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId), investor(investorId)), body.reason(),
                request);
        return investorChanged(programId, investorId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "callCapital", summary = "Call capital",
            description = "Calls capital for a phase, split among investors with no open default and unfunded "
                    + "commitment pro rata to their unfunded commitment, by the largest-remainder method in whole "
                    + "cents (ties to the lower investor id)." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 "
                    + "DUPLICATE_ID, UNKNOWN_PHASE, CURRENCY_MISMATCH, INVALID_AMOUNT, BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED, "
                    + "PHASE_BUDGET_EXCEEDED." + COMMAND_ERRORS)
    @SendsCommand(CallCapital.class)
    @PostMapping("/capital-calls")
    public ResponseEntity<CommandAccepted> call(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody CapitalCallRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + body.callId(), programId,
                version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordDefault", summary = "Record an investor's default on a capital call",
            description = "Marks the investor's allocation in the call unpaid: it stays called, counts as defaulted, "
                    + "and the investor is left out of later calls until cured." + COMMAND_ANSWER
                    + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_CALL, UNKNOWN_INVESTOR, BACKDATED_COMMAND, "
                    + "NOT_ALLOCATED, ALREADY_DEFAULTED." + COMMAND_ERRORS)
    @SendsCommand(RecordCallDefault.class)
    @PostMapping("/capital-calls/{callId}/defaults")
    public ResponseEntity<CommandAccepted> recordDefault(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = CALL_ID, example = "CALL-1") @PathVariable String callId,
            @Valid @RequestBody DefaultRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId), PathIds.parse("callId", callId, CallId::new)),
                body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + callId, programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "cureDefault", summary = "Cure an investor's default on a capital call",
            description = "Reverses a recorded default; the investor is ACTIVE again once no default is open."
                    + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_CALL, UNKNOWN_INVESTOR, BACKDATED_COMMAND, "
                    + "NOT_ALLOCATED, NOT_DEFAULTED." + COMMAND_ERRORS)
    @SendsCommand(CureCallDefault.class)
    @PostMapping("/capital-calls/{callId}/defaults/{investorId}/cure")
    public ResponseEntity<CommandAccepted> cure(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = CALL_ID, example = "CALL-1") @PathVariable String callId,
            @Parameter(description = INVESTOR_ID, example = "ORACLE") @PathVariable String investorId,
            @Valid @RequestBody CancelRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.cure(program(programId), PathIds.parse("callId", callId, CallId::new),
                investor(investorId)), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + callId, programId, version);
    }
}
