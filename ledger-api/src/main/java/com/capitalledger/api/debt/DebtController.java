package com.capitalledger.api.debt;

import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
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

/** Debt commands: open a tranche with its syndicate, draw, repay, reprice. */
@Tag(name = "Debt", description = "Debt tranches and their syndicates: draws, repayments, repricings")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}/tranches", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class DebtController {

    private static final String TRANCHE_ID = "Tranche identifier";

    private final CommandSender commands;

    public DebtController(CommandSender commands) {
        this.commands = commands;
    }

    private static ProgramId program(String programId) {
        return PathIds.parse("programId", programId, ProgramId::new);
    }

    private static TrancheId tranche(String trancheId) {
        return PathIds.parse("trancheId", trancheId, TrancheId::new);
    }

    private static ResponseEntity<CommandAccepted> trancheChanged(String programId, String trancheId, long version) {
        return CommandAccepted.created("/api/v1/programs/" + programId + "/tranches/" + trancheId, programId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTranche", summary = "Create a debt tranche with its syndicate",
            description = "Opens a SENIOR or MEZZANINE tranche for a phase: commitment, base rate, margin, commitment "
                    + "fee, availability end and lenders, whose commitments must sum to the tranche's. Interest and "
                    + "the commitment fee accrue from its effective date." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; "
                    + "422 DUPLICATE_ID (tranche, or a lender listed twice), UNKNOWN_PHASE, UNKNOWN_BASE_RATE, "
                    + "CURRENCY_MISMATCH, INVALID_AMOUNT (commitment or a lender's), INVALID_RATE (margin or fee), "
                    + "BACKDATED_COMMAND, AVAILABILITY_ENDED (availability ends before the effective date), "
                    + "LENDER_SUM_MISMATCH." + COMMAND_ERRORS)
    @SendsCommand(CreateTranche.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> create(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody CreateTrancheRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId)), body.reason(), request);
        return trancheChanged(programId, body.trancheId(), version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "drawTranche", summary = "Draw on a tranche",
            description = "Draws an amount, split across the lenders pro rata to their undrawn commitment (largest "
                    + "remainder, ties to the lower lender id). The draw accrues interest from its own date."
                    + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_TRANCHE, DUPLICATE_ID, EVENT_OF_DEFAULT (an "
                    + "event of default is open: the lenders' draw-stop), CURRENCY_MISMATCH, "
                    + "INVALID_AMOUNT, BACKDATED_COMMAND, AVAILABILITY_ENDED, NO_BASE_RATE, COMMITMENT_EXCEEDED, "
                    + "PHASE_BUDGET_EXCEEDED, GEARING_COVENANT_BREACH." + COMMAND_ERRORS)
    @SendsCommand(DrawTranche.class)
    @PostMapping("/{trancheId}/draws")
    public ResponseEntity<CommandAccepted> draw(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = TRANCHE_ID, example = "SENIOR-A") @PathVariable String trancheId,
            @Valid @RequestBody DrawRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId), tranche(trancheId)), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "repayTranche", summary = "Repay a tranche",
            description = "Repays part of the outstanding, split across the lenders pro rata to their outstanding "
                    + "(largest remainder, ties to the lower lender id); repaid money cannot be redrawn. Accrual on "
                    + "the repaid amount stops on the repayment's date." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; "
                    + "422 UNKNOWN_TRANCHE, DUPLICATE_ID, CURRENCY_MISMATCH, INVALID_AMOUNT, BACKDATED_COMMAND, "
                    + "REPAYMENT_EXCEEDS_OUTSTANDING." + COMMAND_ERRORS)
    @SendsCommand(RepayTranche.class)
    @PostMapping("/{trancheId}/repayments")
    public ResponseEntity<CommandAccepted> repay(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = TRANCHE_ID, example = "MEZZ-A") @PathVariable String trancheId,
            @Valid @RequestBody RepayRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId), tranche(trancheId)), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "repriceTranche", summary = "Reprice a tranche's margin",
            description = "Changes the tranche's margin from the effective date until the next repricing. May be "
                    + "back-dated as a correction, down to the tranche's creation; accruals then follow it and "
                    + "knownAt shows what was known before. A second repricing with the same date replaces the "
                    + "first." + COMMAND_ANSWER + " Rejections: 404 NO_PROGRAM; 422 UNKNOWN_TRANCHE, INVALID_RATE, "
                    + "BACKDATED_COMMAND (dated before the tranche's creation)." + COMMAND_ERRORS)
    @SendsCommand(RepriceTranche.class)
    @PostMapping("/{trancheId}/repricings")
    public ResponseEntity<CommandAccepted> reprice(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = TRANCHE_ID, example = "SENIOR-A") @PathVariable String trancheId,
            @Valid @RequestBody RepriceRequest body,
            HttpServletRequest request) {
        long version = commands.send(body.toCommand(program(programId), tranche(trancheId)), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }
}
