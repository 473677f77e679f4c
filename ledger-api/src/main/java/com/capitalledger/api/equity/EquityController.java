package com.capitalledger.api.equity;

import com.capitalledger.api.web.CommandAccepted;
import com.capitalledger.api.web.CommandSender;
import com.capitalledger.api.web.PathIds;
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
import com.capitalledger.core.program.api.PhaseId;
import com.capitalledger.core.program.api.ProgramId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Equity commands: commitments and their changes, capital calls, defaults and cures. */
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class EquityController {

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

    @PostMapping("/commitments")
    public ResponseEntity<CommandAccepted> commit(@PathVariable String programId,
                                                  @Valid @RequestBody CommitEquityRequest body, HttpServletRequest request) {
        long version = commands.send(new CommitEquity(program(programId), new InvestorId(body.investorId()),
                body.investorName(), new BigDecimal(body.amount()), body.currency(), body.effectiveDate()),
                body.reason(), request);
        return investorChanged(programId, body.investorId(), version);
    }

    @PostMapping("/commitments/{investorId}/increase")
    public ResponseEntity<CommandAccepted> increase(@PathVariable String programId, @PathVariable String investorId,
                                                    @Valid @RequestBody CommitmentChangeRequest body,
                                                    HttpServletRequest request) {
        long version = commands.send(new IncreaseCommitment(program(programId), investor(investorId),
                new BigDecimal(body.amount()), body.currency(), body.effectiveDate()), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @PostMapping("/commitments/{investorId}/reduce")
    public ResponseEntity<CommandAccepted> reduce(@PathVariable String programId, @PathVariable String investorId,
                                                  @Valid @RequestBody CommitmentChangeRequest body,
                                                  HttpServletRequest request) {
        long version = commands.send(new ReduceCommitment(program(programId), investor(investorId),
                new BigDecimal(body.amount()), body.currency(), body.effectiveDate()), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @PostMapping("/commitments/{investorId}/cancel")
    public ResponseEntity<CommandAccepted> cancel(@PathVariable String programId, @PathVariable String investorId,
                                                  @Valid @RequestBody CancelRequest body, HttpServletRequest request) {
        long version = commands.send(new CancelCommitment(program(programId), investor(investorId),
                body.effectiveDate()), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @PostMapping("/commitments/{investorId}/transfers")
    public ResponseEntity<CommandAccepted> transfer(@PathVariable String programId, @PathVariable String investorId,
                                                    @Valid @RequestBody TransferRequest body, HttpServletRequest request) {
        long version = commands.send(new TransferCommitment(program(programId), investor(investorId),
                new InvestorId(body.toInvestorId()), new BigDecimal(body.amount()), body.currency(),
                body.effectiveDate()), body.reason(), request);
        return investorChanged(programId, investorId, version);
    }

    @PostMapping("/capital-calls")
    public ResponseEntity<CommandAccepted> call(@PathVariable String programId,
                                                @Valid @RequestBody CapitalCallRequest body, HttpServletRequest request) {
        long version = commands.send(new CallCapital(program(programId), new CallId(body.callId()),
                new PhaseId(body.phaseId()), new BigDecimal(body.amount()), body.currency(), body.purpose(),
                body.effectiveDate()), body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + body.callId(), programId,
                version);
    }

    @PostMapping("/capital-calls/{callId}/defaults")
    public ResponseEntity<CommandAccepted> recordDefault(@PathVariable String programId, @PathVariable String callId,
                                                         @Valid @RequestBody DefaultRequest body,
                                                         HttpServletRequest request) {
        long version = commands.send(new RecordCallDefault(program(programId),
                PathIds.parse("callId", callId, CallId::new), new InvestorId(body.investorId()), body.effectiveDate()),
                body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + callId, programId, version);
    }

    @PostMapping("/capital-calls/{callId}/defaults/{investorId}/cure")
    public ResponseEntity<CommandAccepted> cure(@PathVariable String programId, @PathVariable String callId,
                                                @PathVariable String investorId, @Valid @RequestBody CancelRequest body,
                                                HttpServletRequest request) {
        long version = commands.send(new CureCallDefault(program(programId),
                PathIds.parse("callId", callId, CallId::new), investor(investorId), body.effectiveDate()),
                body.reason(), request);
        return CommandAccepted.created("/api/v1/programs/" + programId + "/capital-calls/" + callId, programId, version);
    }
}
