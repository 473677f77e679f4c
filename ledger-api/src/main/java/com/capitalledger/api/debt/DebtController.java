package com.capitalledger.api.debt;

import com.capitalledger.api.web.CommandAccepted;
import com.capitalledger.api.web.CommandSender;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
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

/** Debt commands: open a tranche with its syndicate, draw, repay, reprice. */
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}/tranches", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class DebtController {

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

    @PostMapping
    public ResponseEntity<CommandAccepted> create(@PathVariable String programId,
                                                  @Valid @RequestBody CreateTrancheRequest body,
                                                  HttpServletRequest request) {
        long version = commands.send(new CreateTranche(program(programId), new TrancheId(body.trancheId()),
                new PhaseId(body.phaseId()), body.name(), Seniority.valueOf(body.seniority()),
                new BigDecimal(body.commitment()), body.currency(), body.baseRate(), new BigDecimal(body.marginPct()),
                new BigDecimal(body.commitmentFeePct()), body.availabilityEnd(),
                body.lenders().stream().map(l -> new LenderCommitment(new LenderId(l.lenderId()), l.name(),
                        new BigDecimal(l.commitment()))).toList(),
                body.effectiveDate()), body.reason(), request);
        return trancheChanged(programId, body.trancheId(), version);
    }

    @PostMapping("/{trancheId}/draws")
    public ResponseEntity<CommandAccepted> draw(@PathVariable String programId, @PathVariable String trancheId,
                                                @Valid @RequestBody DrawRequest body, HttpServletRequest request) {
        long version = commands.send(new DrawTranche(program(programId), tranche(trancheId), new DrawId(body.drawId()),
                new BigDecimal(body.amount()), body.currency(), body.effectiveDate()), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }

    @PostMapping("/{trancheId}/repayments")
    public ResponseEntity<CommandAccepted> repay(@PathVariable String programId, @PathVariable String trancheId,
                                                 @Valid @RequestBody RepayRequest body, HttpServletRequest request) {
        long version = commands.send(new RepayTranche(program(programId), tranche(trancheId),
                new RepaymentId(body.repaymentId()), new BigDecimal(body.amount()), body.currency(),
                body.effectiveDate()), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }

    @PostMapping("/{trancheId}/repricings")
    public ResponseEntity<CommandAccepted> reprice(@PathVariable String programId, @PathVariable String trancheId,
                                                   @Valid @RequestBody RepriceRequest body, HttpServletRequest request) {
        long version = commands.send(new RepriceTranche(program(programId), tranche(trancheId),
                new BigDecimal(body.newMarginPct()), body.effectiveDate()), body.reason(), request);
        return trancheChanged(programId, trancheId, version);
    }
}
