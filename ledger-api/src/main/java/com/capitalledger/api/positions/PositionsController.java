package com.capitalledger.api.positions;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.calls.CapitalCallView;
import com.capitalledger.projections.debt.TranchePosition;
import com.capitalledger.projections.equity.InvestorPosition;
import com.capitalledger.projections.positions.PositionsService;
import com.capitalledger.projections.positions.ProgramPositions;
import com.capitalledger.projections.support.Bitemporal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Positions as of an effective date ({@code asOf}, default today, UTC) and as known at an instant ({@code knownAt},
 * default now): the whole program, or one investor, tranche or capital call.
 */
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PositionsController {

    private final PositionsService positions;
    private final ReadModels readModels;
    private final Clock clock;

    public PositionsController(PositionsService positions, ReadModels readModels, Clock clock) {
        this.positions = positions;
        this.readModels = readModels;
        this.clock = clock;
    }

    @GetMapping("/positions")
    public ProgramPositions positions(@PathVariable String programId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        readModels.requireAvailable("programs", "investor-positions", "tranches");
        return found(positions.positions(programId, at(asOf, knownAt)), "program " + programId + " does not exist",
                RejectionCode.NO_PROGRAM);
    }

    @GetMapping("/investors/{investorId}")
    public InvestorPosition investor(@PathVariable String programId, @PathVariable String investorId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        readModels.requireAvailable("programs", "investor-positions");
        Bitemporal at = at(asOf, knownAt);
        requireProgram(programId, at);
        return found(positions.investor(programId, investorId, at),
                "investor " + investorId + " has no commitment in program " + programId, RejectionCode.UNKNOWN_INVESTOR);
    }

    @GetMapping("/tranches/{trancheId}")
    public TranchePosition tranche(@PathVariable String programId, @PathVariable String trancheId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        readModels.requireAvailable("programs", "tranches");
        Bitemporal at = at(asOf, knownAt);
        requireProgram(programId, at);
        return found(positions.tranche(programId, trancheId, at),
                "tranche " + trancheId + " does not exist in program " + programId, RejectionCode.UNKNOWN_TRANCHE);
    }

    @GetMapping("/capital-calls/{callId}")
    public CapitalCallView call(@PathVariable String programId, @PathVariable String callId,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        readModels.requireAvailable("programs", "capital-calls");
        Bitemporal at = at(asOf, knownAt);
        requireProgram(programId, at);
        return found(positions.call(programId, callId, at),
                "capital call " + callId + " does not exist in program " + programId, RejectionCode.UNKNOWN_CALL);
    }

    private Bitemporal at(LocalDate asOf, Instant knownAt) {
        Instant now = clock.instant();
        return new Bitemporal(asOf == null ? LocalDate.ofInstant(now, clock.getZone()) : asOf,
                knownAt == null ? now : knownAt);
    }

    private void requireProgram(String programId, Bitemporal at) {
        found(positions.program(programId, at), "program " + programId + " does not exist", RejectionCode.NO_PROGRAM);
    }

    private static <T> T found(Optional<T> value, String detail, RejectionCode code) {
        return value.orElseThrow(() -> new NotFound(code.name(), detail));
    }
}
