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

    /** The query's two times, both optional. */
    public record At(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
    }

    private final PositionsService positions;
    private final ReadModels readModels;
    private final Clock clock;

    public PositionsController(PositionsService positions, ReadModels readModels, Clock clock) {
        this.positions = positions;
        this.readModels = readModels;
        this.clock = clock;
    }

    @GetMapping("/positions")
    public ProgramPositions positions(@PathVariable String programId, At at) {
        readModels.requireAvailable("programs", "investor-positions", "tranches");
        return found(positions.positions(programId, bitemporal(at)), "program " + programId + " does not exist",
                RejectionCode.NO_PROGRAM);
    }

    @GetMapping("/investors/{investorId}")
    public InvestorPosition investor(@PathVariable String programId, @PathVariable String investorId, At at) {
        readModels.requireAvailable("programs", "investor-positions");
        Bitemporal when = knownProgram(programId, at);
        return found(positions.investor(programId, investorId, when),
                "investor " + investorId + " has no commitment in program " + programId, RejectionCode.UNKNOWN_INVESTOR);
    }

    @GetMapping("/tranches/{trancheId}")
    public TranchePosition tranche(@PathVariable String programId, @PathVariable String trancheId, At at) {
        readModels.requireAvailable("programs", "tranches");
        Bitemporal when = knownProgram(programId, at);
        return found(positions.tranche(programId, trancheId, when),
                "tranche " + trancheId + " does not exist in program " + programId, RejectionCode.UNKNOWN_TRANCHE);
    }

    @GetMapping("/capital-calls/{callId}")
    public CapitalCallView call(@PathVariable String programId, @PathVariable String callId, At at) {
        readModels.requireAvailable("programs", "capital-calls");
        Bitemporal when = knownProgram(programId, at);
        return found(positions.call(programId, callId, when),
                "capital call " + callId + " does not exist in program " + programId, RejectionCode.UNKNOWN_CALL);
    }

    private Bitemporal bitemporal(At at) {
        Instant now = clock.instant();
        return new Bitemporal(at.asOf() == null ? LocalDate.ofInstant(now, clock.getZone()) : at.asOf(),
                at.knownAt() == null ? now : at.knownAt());
    }

    /** The query's times, once the program is known to have existed then: 404 NO_PROGRAM otherwise. */
    private Bitemporal knownProgram(String programId, At at) {
        Bitemporal when = bitemporal(at);
        found(positions.program(programId, when), "program " + programId + " does not exist", RejectionCode.NO_PROGRAM);
        return when;
    }

    private static <T> T found(Optional<T> value, String detail, RejectionCode code) {
        return value.orElseThrow(() -> new NotFound(code.name(), detail));
    }
}
