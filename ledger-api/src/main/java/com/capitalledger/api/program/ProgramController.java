package com.capitalledger.api.program;

import com.capitalledger.api.web.CommandAccepted;
import com.capitalledger.api.web.CommandSender;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.PhaseId;
import com.capitalledger.core.program.api.ProgramId;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.program.FindProgram;
import com.capitalledger.projections.program.ProgramSummary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Programs: open one and add its phases; read one. */
@RestController
@RequestMapping(path = "/api/v1/programs", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProgramController {

    private final CommandSender commands;
    private final QueryGateway queries;

    public ProgramController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CommandAccepted> create(@Valid @RequestBody CreateProgramRequest body,
                                                  HttpServletRequest request) {
        CreateProgram command = new CreateProgram(new ProgramId(body.programId()), body.name(), body.currency(),
                new BigDecimal(body.targetAmount()), new BigDecimal(body.maxDebtPct()), body.effectiveDate());
        long version = commands.send(command, body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + body.programId(), body.programId(), version);
    }

    @PostMapping(path = "/{programId}/phases", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CommandAccepted> createPhase(@PathVariable String programId,
                                                       @Valid @RequestBody CreatePhaseRequest body,
                                                       HttpServletRequest request) {
        ProgramId program = PathIds.parse("programId", programId, ProgramId::new);
        long version = commands.send(new CreatePhase(program, new PhaseId(body.phaseId()), body.name(),
                new BigDecimal(body.budget()), body.currency(), body.effectiveDate()), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/positions", programId, version);
    }

    @GetMapping("/{programId}")
    public ProgramView get(@PathVariable String programId) {
        return queries.query(new FindProgram(programId), ResponseTypes.optionalInstanceOf(ProgramSummary.class))
                .join()
                .map(ProgramView::of)
                .orElseThrow(() -> new LedgerRejection(RejectionCode.NO_PROGRAM, "program " + programId + " does not exist"));
    }
}
