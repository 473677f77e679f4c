package com.capitalledger.api.program;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.program.FindProgram;
import com.capitalledger.projections.readmodel.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

import static com.capitalledger.api.web.ApiDocs.COMMAND_ERRORS;

/** Programs: open one and add its phases; read one. */
@Tag(name = "Programs", description = "Open programs and their phases; read a program's terms")
@RestController
@RequestMapping(path = "/api/v1/programs", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProgramController {

    private static final String PROGRAM_ID = "Program identifier: 1-64 characters, letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";

    private final CommandSender commands;
    private final QueryGateway queries;
    private final ReadModels readModels;
    /**
     * Axon's query bus handles a query in a transaction of its own making, read-write, which would take the primary's
     * connection; inside a read-only one it joins that instead, so a read replica, where configured, answers.
     */
    private final TransactionTemplate readOnly;

    public ProgramController(CommandSender commands, QueryGateway queries, ReadModels readModels,
                             PlatformTransactionManager transactions) {
        this.commands = commands;
        this.queries = queries;
        this.readModels = readModels;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @ProblemStatuses({400, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createProgram", summary = "Create a program",
            description = "Opens a program with its single currency, target amount and gearing covenant (maximum debt "
                    + "share). Answers 201 with the program's version as ETag. Role: TREASURY. Business rejections "
                    + "(422): PROGRAM_EXISTS, CURRENCY_MISMATCH (not an ISO 4217 currency with two decimals), "
                    + "INVALID_AMOUNT, INVALID_RATE (maxDebtPct outside (0, 100])." + COMMAND_ERRORS)
    @SendsCommand(CreateProgram.class)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CommandAccepted> create(@Valid @RequestBody CreateProgramRequest body,
                                                  HttpServletRequest request) {
        CreateProgram command = new CreateProgram(new ProgramId(body.programId()), body.name(), body.currency(),
                new BigDecimal(body.targetAmount()), new BigDecimal(body.maxDebtPct()), body.effectiveDate());
        long version = commands.send(command, body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + body.programId(), body.programId(), version);
    }

    @ProblemStatuses({400, 404, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPhase", summary = "Create a phase of a program",
            description = "Adds a phase with its budget; phase budgets together may not exceed the program target. "
                    + "Answers 201 with the program's version as ETag. Role: TREASURY. Rejections: 404 NO_PROGRAM; "
                    + "422 DUPLICATE_ID, CURRENCY_MISMATCH, INVALID_AMOUNT, BACKDATED_COMMAND, "
                    + "PROGRAM_TARGET_EXCEEDED." + COMMAND_ERRORS)
    @SendsCommand(CreatePhase.class)
    @PostMapping(path = "/{programId}/phases", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CommandAccepted> createPhase(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody CreatePhaseRequest body,
            HttpServletRequest request) {
        ProgramId program = PathIds.parse("programId", programId, ProgramId::new);
        long version = commands.send(body.toCommand(program), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/positions", programId, version);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readProgram", summary = "Read a program's terms",
            description = "The program's name, currency, target amount and maximum debt share, as currently known "
                    + "(read right after the command that created it with minPosition= its Ledger-Position). "
                    + "Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN. Errors: 404 NO_PROGRAM; 400 INVALID_PARAMETER "
                    + "for a malformed minPosition; 503 READ_MODEL_REBUILDING or READ_MODEL_BEHIND (with "
                    + "Retry-After). No business rejection (422).")
    @GetMapping("/{programId}")
    public ProgramView get(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId) {
        readModels.requireAvailable(ReadModel.PROGRAMS);
        return readOnly.execute(transaction -> queries.query(new FindProgram(programId),
                        ResponseTypes.optionalInstanceOf(ProgramSummary.class)).join())
                .map(ProgramView::of)
                .orElseThrow(() -> new LedgerRejection(RejectionCode.NO_PROGRAM, "program " + programId + " does not exist"));
    }
}
