package com.capitalledger.api.positions;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.calls.CapitalCallView;
import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.cashflow.DistributionView;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.capitalledger.projections.positions.PositionsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * Positions as of an effective date ({@code asOf}, default today, UTC) and as known at an instant ({@code knownAt},
 * default now): the whole program, or one investor, tranche or capital call.
 */
@Tag(name = "Positions", description = "Positions as of a date, as known at an instant")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PositionsController {

    private static final String READERS = " Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN.";
    private static final String QUERY_ERRORS = " 400 INVALID_PARAMETER when asOf or knownAt cannot be read; 503 "
            + "READ_MODEL_REBUILDING (with Retry-After) while a read model it needs is being rebuilt. No business "
            + "rejection (422).";

    /** The query's two times, both optional. */
    public record At(@Parameter(description = "Effective date (YYYY-MM-DD): the state after every event with an "
                             + "effective date on or before it, accruals through it inclusive; today (UTC) by default",
                             example = "2025-12-31")
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @Parameter(description = "Instant (ISO-8601, UTC): counts only events recorded at or before it, "
                             + "to see what was known then, before later corrections; now by default",
                             example = "2025-11-01T00:00:00Z")
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {

        /** The two times with their defaults: today (in the clock's zone) and now. */
        public Bitemporal resolve(Clock clock) {
            Instant now = clock.instant();
            return new Bitemporal(asOf == null ? LocalDate.ofInstant(now, clock.getZone()) : asOf,
                    knownAt == null ? now : knownAt);
        }
    }

    private final PositionsService positions;
    private final ReadModels readModels;
    private final Clock clock;

    public PositionsController(PositionsService positions, ReadModels readModels, Clock clock) {
        this.positions = positions;
        this.readModels = readModels;
        this.clock = clock;
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readPositions", summary = "Read a program's positions",
            description = "The whole capital stack as of asOf, as known at knownAt: each investor (committed, called, "
                    + "paid-in, defaulted, unfunded, ownership on called and on paid-in, status) with equity totals; "
                    + "each tranche and lender (drawn, repaid, outstanding, undrawn, rates, accrued interest and "
                    + "commitment fee, margin history, what the waterfalls paid, principal arrears, repayment schedule) "
                    + "with debt totals; capitalisation and the gearing covenant; each phase's budget and deployment; "
                    + "each investor's distributions and the DSRA and lock-up balances after the last waterfall." + READERS + " Errors: 404 NO_PROGRAM (unknown, or not yet "
                    + "recorded at knownAt);" + QUERY_ERRORS)
    @GetMapping("/positions")
    public ProgramPositions positions(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.TRANCHES,
                ReadModel.CASH_FLOWS);
        return found(positions.positions(programId, bitemporal(at)), "program " + programId + " does not exist",
                RejectionCode.NO_PROGRAM);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readInvestorPosition", summary = "Read one investor's position",
            description = "The investor's committed, called, paid-in, defaulted and unfunded amounts, ownership "
                    + "percentages, status and open defaults, as of asOf, as known at knownAt." + READERS
                    + " Errors: 404 NO_PROGRAM, 404 UNKNOWN_INVESTOR (no commitment in the program then);"
                    + QUERY_ERRORS)
    @GetMapping("/investors/{investorId}")
    public InvestorPosition investor(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Investor identifier", example = "SOFTBANK") @PathVariable String investorId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CASH_FLOWS);
        Bitemporal when = knownProgram(programId, at);
        return found(positions.investor(programId, investorId, when),
                "investor " + investorId + " has no commitment in program " + programId, RejectionCode.UNKNOWN_INVESTOR);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readTranchePosition", summary = "Read one tranche's position",
            description = "The tranche's commitment, drawn, repaid, outstanding and undrawn amounts, base rate, "
                    + "margin and all-in rate, accrued interest and commitment fee, margin history and each lender's "
                    + "share, as of asOf, as known at knownAt." + READERS + " Errors: 404 NO_PROGRAM, 404 "
                    + "UNKNOWN_TRANCHE (not in the program then);" + QUERY_ERRORS)
    @GetMapping("/tranches/{trancheId}")
    public TranchePosition tranche(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Tranche identifier", example = "SENIOR-A") @PathVariable String trancheId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.TRANCHES, ReadModel.CASH_FLOWS);
        Bitemporal when = knownProgram(programId, at);
        return found(positions.tranche(programId, trancheId, when),
                "tranche " + trancheId + " does not exist in program " + programId, RejectionCode.UNKNOWN_TRANCHE);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readCapitalCall", summary = "Read one capital call and its allocations",
            description = "The call's phase, amount and purpose with each investor's allocation and default state, "
                    + "as of asOf, as known at knownAt." + READERS + " Errors: 404 NO_PROGRAM, 404 UNKNOWN_CALL (not "
                    + "in the program then);" + QUERY_ERRORS)
    @GetMapping("/capital-calls/{callId}")
    public CapitalCallView call(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Capital call identifier", example = "CALL-1") @PathVariable String callId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.CAPITAL_CALLS);
        Bitemporal when = knownProgram(programId, at);
        return found(positions.call(programId, callId, when),
                "capital call " + callId + " does not exist in program " + programId, RejectionCode.UNKNOWN_CALL);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readCashFlows", summary = "Read a program's operating cash flows and waterfalls",
            description = "The operating terms, each period with a recorded cash flow (revenue, operating costs, "
                    + "taxes, maintenance capex, CFADS) and its waterfall once run (cash available, the four debt "
                    + "steps' due, paid and shortfall, the DSRA and lock-up accounts, DSCR, the distribution test "
                    + "and what was distributed; null before the payment date), and the events of default with "
                    + "whether they were waived, as of asOf, as known at knownAt." + READERS + " Errors: 404 "
                    + "NO_PROGRAM (unknown, or not yet recorded at knownAt);" + QUERY_ERRORS)
    @GetMapping("/cash-flows")
    public CashFlowsView cashFlows(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.CASH_FLOWS);
        return found(positions.cashFlows(programId, bitemporal(at)), "program " + programId + " does not exist",
                RejectionCode.NO_PROGRAM);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readDistributions", summary = "Read a program's distributions",
            description = "Each distribution paid by a waterfall on its payment date up to asOf, as known at "
                    + "knownAt, oldest first: the amount, each investor's allocation (pro rata to paid-in, largest "
                    + "remainder; they sum exactly to the amount) and the investors left out (IN_DEFAULT)." + READERS
                    + " Errors: 404 NO_PROGRAM (unknown, or not yet recorded at knownAt);" + QUERY_ERRORS)
    @GetMapping("/distributions")
    public List<DistributionView> distributions(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @ParameterObject At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.CASH_FLOWS);
        return found(positions.distributions(programId, bitemporal(at)), "program " + programId
                + " does not exist", RejectionCode.NO_PROGRAM);
    }

    private Bitemporal bitemporal(At at) {
        return at.resolve(clock);
    }

    /** The query's times, once the program is known to have existed then: 404 NO_PROGRAM otherwise. */
    private Bitemporal knownProgram(String programId, At at) {
        Bitemporal when = bitemporal(at);
        found(positions.program(programId, when), "program " + programId + " does not exist", RejectionCode.NO_PROGRAM);
        return when;
    }

    private static <T> T found(Optional<T> value, String detail, RejectionCode code) {
        return value.orElseThrow(() -> new NotFound(code, detail));
    }
}
