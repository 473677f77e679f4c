package com.capitalledger.api.returns;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.documents.CapitalAccountStatement;
import com.capitalledger.api.documents.DocumentPdfs;
import com.capitalledger.api.documents.DocumentProofs;
import com.capitalledger.api.documents.DocumentsController;
import com.capitalledger.api.positions.PositionsController;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.fold.returns.CapitalAccountView;
import com.capitalledger.projections.fold.returns.CapitalAccounts;
import com.capitalledger.projections.fold.returns.CapitalAccountsView;
import com.capitalledger.projections.fold.returns.ReturnsView;
import com.capitalledger.projections.fold.returns.Statement;
import com.capitalledger.projections.positions.PositionsService;
import com.capitalledger.projections.readmodel.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * Returns and capital accounts (section 10): what each investor put in, got back and holds, as ILPA reports it.
 */
@Tag(name = "Returns", description = "Investors' returns (DPI, RVPI, TVPI, IRR) and capital-account statements")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}")
public class ReturnsController {

    static final String TEXT_CSV = "text/csv";
    private static final String READERS = " Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN.";
    private static final String QUERY_ERRORS = " 400 INVALID_PARAMETER when a date or knownAt cannot be read; 503 "
            + "READ_MODEL_REBUILDING (with Retry-After) while a read model it needs is being rebuilt.";
    private static final String PERIOD_ERRORS = " 400 INVALID_PARAMETER when from, to or knownAt cannot be read, or "
            + "from is after to; 503 READ_MODEL_REBUILDING (with Retry-After) while a read model it needs is being "
            + "rebuilt.";

    /** A statement's period and the instant it is told as known at; every part optional. */
    public record Period(@Parameter(description = "First day of the period (YYYY-MM-DD), inclusive; by default the "
                                 + "first day of the calendar quarter that holds 'to'", example = "2028-10-01")
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @Parameter(description = "Last day of the period (YYYY-MM-DD), inclusive; today (UTC) by "
                                 + "default", example = "2028-12-31")
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @Parameter(description = "Instant (ISO-8601, UTC): counts only events recorded at or "
                                 + "before it; now by default", example = "2029-01-15T00:00:00Z")
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
    }

    private final PositionsService positions;
    private final ReadModels readModels;
    private final DocumentProofs proofs;
    private final Clock clock;

    public ReturnsController(PositionsService positions, ReadModels readModels, DocumentProofs proofs, Clock clock) {
        this.positions = positions;
        this.readModels = readModels;
        this.proofs = proofs;
        this.clock = clock;
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readReturns", summary = "Read the investors' and the program's returns",
            description = "As of asOf, as known at knownAt, for each investor and for the program: contributed (each "
                    + "capital-call allocation on the call's effective date; one defaulted on the date it was cured, "
                    + "never if it was not), distributed (the waterfalls' distributions on their payment dates), NAV "
                    + "(the latest valuation on or before asOf split pro rata to paid-in by largest remainder, "
                    + "navBasis VALUATION; paid-in when there is none, COST), DPI, RVPI and TVPI (4 dp HALF_EVEN, "
                    + "null when nothing was contributed) and irrPct: the annual rate (ACT/365 from the first flow) "
                    + "at which contributions, distributions and NAV on asOf have a net present value of zero, as a "
                    + "percent with 4 dp HALF_EVEN; null without a sign change among the flows, without a root above "
                    + "-100 %, or above 100,000,000 % (its 4 decimals could not be stated exactly). The investors' "
                    + "contributed, distributed and NAV sum exactly to the program's." + READERS + " Errors: 404 "
                    + "NO_PROGRAM (unknown, or not yet recorded at knownAt);" + QUERY_ERRORS)
    @GetMapping(path = "/returns", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReturnsView returns(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @ParameterObject PositionsController.At at) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CASH_FLOWS);
        return positions.returns(programId, at.resolve(clock)).orElseThrow(() -> noProgram(programId));
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readCapitalAccount", summary = "Read an investor's capital account for a period",
            description = "The ILPA-style roll-forward of one investor over the period from-to (both inclusive), as "
                    + "known at knownAt: beginningNav (NAV at the end of the day before 'from'), the contributions "
                    + "and distributions dated in the period, netChangeInValue = endingNav - beginningNav - "
                    + "contributions + distributions, endingNav (NAV on 'to'), and committed and unfunded on 'to'. "
                    + "NAV is as in GET .../returns. returns: the investor's returns on 'to', as GET .../returns "
                    + "gives them. provenance: the journal entries (seq, leaf hash, RFC 9162 audit path) of the "
                    + "events behind the figures (the investor's capital calls, defaults and cures and the "
                    + "waterfalls that paid it through 'to', the valuations its NAVs were taken from) and the signed "
                    + "digest whose root every proof leads to; the service checks each proof before it answers. "
                    + "Accept: text/csv gives the roll-forward's figures as a CSV line; Accept: application/pdf the "
                    + "quarterly statement investors receive, printing every figure (amounts as 1,234,567.89), the "
                    + "seqs and the digest." + READERS + " Errors: 404 NO_PROGRAM (unknown, or not yet recorded at "
                    + "knownAt), UNKNOWN_INVESTOR (no commitment by 'to'); 503 JOURNAL_BEHIND (with Retry-After) "
                    + "while the journal does not hold an event the statement reports yet, JOURNAL_UNVERIFIED if a "
                    + "proof does not lead to the digest's root;" + PERIOD_ERRORS)
    @ApiResponse(responseCode = "200", description = "The capital account, or with Accept: text/csv the same as CSV, "
            + "or with Accept: application/pdf the statement as PDF",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CapitalAccountStatement.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = DocumentPdfs.APPLICATION_PDF,
                            schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: text/csv or "
                    + "application/pdf: attachment, with a file name", schema = @Schema(type = "string")))
    @GetMapping(path = "/investors/{investorId}/capital-account", produces = MediaType.APPLICATION_JSON_VALUE)
    public CapitalAccountStatement capitalAccount(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Investor identifier", example = "SOFTBANK") @PathVariable String investorId,
            @ParameterObject Period period) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CASH_FLOWS);
        LocalDate to = to(period);
        LocalDate from = from(period, to);
        Instant knownAt = period.knownAt() == null ? clock.instant() : period.knownAt();
        Statement statement = positions.statement(programId, investorId, from, to, knownAt)
                .orElseThrow(() -> noProgram(programId));
        CapitalAccountView account = statement.accounts().investor(investorId).orElseThrow(() -> unknown(programId,
                investorId, to));
        ReturnsView.InvestorReturns returns = statement.returns().investors().stream()
                .filter(r -> r.investorId().equals(investorId)).findFirst().orElse(null);
        return CapitalAccountStatement.of(account, returns, proofs.prove(statement.sources()));
    }

    @ReadsReadModels
    @GetMapping(path = "/investors/{investorId}/capital-account", produces = TEXT_CSV)
    public String capitalAccountCsv(@PathVariable String programId, @PathVariable String investorId,
                                    @ParameterObject Period period, HttpServletResponse response) {
        CapitalAccountView account = accounts(programId, period).investor(investorId)
                .orElseThrow(() -> unknown(programId, investorId, to(period)));
        attachment(response, "capital-account-" + programId + "-" + investorId + "-" + account.from() + "-"
                + account.to() + ".csv");
        return CapitalAccountCsv.of(account);
    }

    @ReadsReadModels
    @GetMapping(path = "/investors/{investorId}/capital-account", produces = DocumentPdfs.APPLICATION_PDF)
    public ResponseEntity<byte[]> capitalAccountPdf(@PathVariable String programId, @PathVariable String investorId,
                                                    @ParameterObject Period period) {
        CapitalAccountStatement statement = capitalAccount(programId, investorId, period);
        return DocumentsController.pdf("capital-account-statement-" + programId + "-" + investorId + "-"
                + statement.from() + "-" + statement.to() + ".pdf", DocumentPdfs.statement(statement));
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readCapitalAccounts", summary = "Read every investor's capital account for a period",
            description = "The roll-forward of GET .../investors/{investorId}/capital-account for every investor of "
                    + "the program, and the program's: the investors' exact sum, figure by figure. Accept: text/csv "
                    + "gives one line per investor and a last line PROGRAM." + READERS + " Errors: 404 NO_PROGRAM "
                    + "(unknown, or not yet recorded at knownAt);" + PERIOD_ERRORS)
    @ApiResponse(responseCode = "200", description = "The capital accounts, or with Accept: text/csv the same as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CapitalAccountsView.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: text/csv: "
                    + "attachment, with a file name", schema = @Schema(type = "string")))
    @GetMapping(path = "/capital-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    public CapitalAccountsView capitalAccounts(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @ParameterObject Period period) {
        return accounts(programId, period).all();
    }

    @ReadsReadModels
    @GetMapping(path = "/capital-accounts", produces = TEXT_CSV)
    public String capitalAccountsCsv(@PathVariable String programId, @ParameterObject Period period,
                                     HttpServletResponse response) {
        CapitalAccountsView accounts = capitalAccounts(programId, period);
        attachment(response, "capital-accounts-" + programId + "-" + accounts.from() + "-" + accounts.to() + ".csv");
        return CapitalAccountCsv.of(accounts);
    }

    private CapitalAccounts accounts(String programId, Period period) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CASH_FLOWS);
        LocalDate to = to(period);
        LocalDate from = from(period, to);
        Instant knownAt = period.knownAt() == null ? clock.instant() : period.knownAt();
        return positions.capitalAccounts(programId, from, to, knownAt).orElseThrow(() -> noProgram(programId));
    }

    /** The period's first day, by default the first of the quarter that holds {@code to}. */
    private static LocalDate from(Period period, LocalDate to) {
        LocalDate from = period.from() != null ? period.from() : to.with(IsoFields.DAY_OF_QUARTER, 1);
        if (from.isAfter(to)) {
            throw new InvalidParameter("from", "is after to (" + from + " > " + to + ")");
        }
        return from;
    }

    private static NotFound unknown(String programId, String investorId, LocalDate to) {
        return new NotFound(RejectionCode.UNKNOWN_INVESTOR, "investor " + investorId + " has no commitment in program "
                + programId + " by " + to);
    }

    private LocalDate to(Period period) {
        return period.to() != null ? period.to() : LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    private static NotFound noProgram(String programId) {
        return new NotFound(RejectionCode.NO_PROGRAM, "program " + programId + " does not exist");
    }
}
