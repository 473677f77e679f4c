package com.capitalledger.api.documents;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.notices.NoticeIndex;
import com.capitalledger.projections.fold.returns.Source;
import com.capitalledger.projections.positions.PositionsService;
import com.capitalledger.projections.readmodel.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * The notices investors receive (section 10), generated on request and stored nowhere: JSON, or PDF with
 * {@code Accept: application/pdf}; each proven against the journal before it is issued ({@link DocumentProofs}).
 */
@Tag(name = "Documents", description = "Investors' notices and statements, as JSON or PDF, proven against the journal")
@RestController
@RequestMapping(path = "/api/v1/programs/{programId}")
public class DocumentsController {

    private static final String READERS = " Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN.";
    private static final String PDF = " Accept: application/pdf gives the same notice as a PDF, which prints every "
            + "figure (amounts as 1,234,567.89), the journal seqs and the digest; its proofs are in this JSON.";
    private static final String PROOF_ERRORS = " 400 INVALID_PARAMETER when a path value cannot be read; 503 "
            + "JOURNAL_BEHIND (with Retry-After) while the journal does not hold an event the notice reports yet, "
            + "JOURNAL_UNVERIFIED if a proof does not lead to the digest's root, READ_MODEL_REBUILDING (with "
            + "Retry-After) while a read model it needs is being rebuilt.";
    private static final String PROVEN = " provenance: the journal entry (seq, leaf hash, RFC 9162 audit path) of the "
            + "event it reports and the signed digest (GET /api/v1/journal/digest's shape) whose root each proof "
            + "leads to; the service checks every proof before it answers.";

    private final PositionsService positions;
    private final ReadModels readModels;
    private final DocumentProofs proofs;
    private final Clock clock;

    public DocumentsController(PositionsService positions, ReadModels readModels, DocumentProofs proofs,
                               Clock clock) {
        this.positions = positions;
        this.readModels = readModels;
        this.proofs = proofs;
        this.clock = clock;
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readCallNotice", summary = "Read an investor's notice of a capital call",
            description = "The call (phase, purpose, effective date, amount), the investor's allocation and its "
                    + "status, and its commitment right after the call: committed on the call's date, called to date "
                    + "(this call included) and unfunded;" + PROVEN + PDF + READERS + " Errors: 404 NO_PROGRAM, "
                    + "UNKNOWN_CALL (no such call), NOT_ALLOCATED (the call allocated nothing to the investor);"
                    + PROOF_ERRORS)
    @ApiResponse(responseCode = "200", description = "The notice, or with Accept: application/pdf the same as PDF",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CallNoticeView.class)),
                    @Content(mediaType = DocumentPdfs.APPLICATION_PDF,
                            schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: application/pdf: "
                    + "attachment, with a file name", schema = @Schema(type = "string")))
    @GetMapping(path = "/capital-calls/{callId}/notices/{investorId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public CallNoticeView callNotice(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Capital call identifier", example = "CALL-1") @PathVariable String callId,
            @Parameter(description = "Investor identifier", example = "SOFTBANK") @PathVariable String investorId) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CAPITAL_CALLS);
        Instant now = knownProgram(programId);
        if (positions.call(programId, callId, new Bitemporal(LocalDate.of(9999, 12, 31), now)).isEmpty()) {
            throw new NotFound(RejectionCode.UNKNOWN_CALL, "capital call " + callId + " does not exist in program "
                    + programId);
        }
        return positions.callNotice(programId, callId, investorId, now)
                .map(notice -> CallNoticeView.of(notice, proofs.prove(List.of(new Source(notice.globalIndex(),
                        "CapitalCalled", notice.effectiveDate())))))
                .orElseThrow(() -> new NotFound(RejectionCode.NOT_ALLOCATED, "capital call " + callId
                        + " allocated nothing to investor " + investorId));
    }

    @ReadsReadModels
    @GetMapping(path = "/capital-calls/{callId}/notices/{investorId}", produces = DocumentPdfs.APPLICATION_PDF)
    public ResponseEntity<byte[]> callNoticePdf(@PathVariable String programId, @PathVariable String callId,
                                                @PathVariable String investorId) {
        CallNoticeView notice = callNotice(programId, callId, investorId);
        return pdf("capital-call-notice-" + programId + "-" + callId + "-" + investorId + ".pdf",
                DocumentPdfs.callNotice(notice));
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readDistributionNotice", summary = "Read an investor's notice of a distribution",
            description = "The distribution paid on paymentDate (its period, the amount the waterfall distributed), "
                    + "the investor's allocation, its share basis (its paid-in on the payment date, and the paid-in "
                    + "of every investor paid, which the amount was split pro rata to) and what it has been "
                    + "distributed to date, this distribution included;" + PROVEN + PDF + READERS + " Errors: 404 "
                    + "NO_PROGRAM, UNKNOWN_DISTRIBUTION (nothing was distributed on that date), NOT_ALLOCATED (the "
                    + "investor was paid nothing of it);" + PROOF_ERRORS)
    @ApiResponse(responseCode = "200", description = "The notice, or with Accept: application/pdf the same as PDF",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DistributionNoticeView.class)),
                    @Content(mediaType = DocumentPdfs.APPLICATION_PDF,
                            schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: application/pdf: "
                    + "attachment, with a file name", schema = @Schema(type = "string")))
    @GetMapping(path = "/distributions/{paymentDate}/notices/{investorId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DistributionNoticeView distributionNotice(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "The distribution's payment date (YYYY-MM-DD)", example = "2026-10-01")
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paymentDate,
            @Parameter(description = "Investor identifier", example = "SOFTBANK") @PathVariable String investorId) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CASH_FLOWS);
        Instant now = knownProgram(programId);
        boolean paid = positions.distributions(programId, new Bitemporal(paymentDate, now)).orElse(List.of())
                .stream().anyMatch(d -> d.paymentDate().equals(paymentDate));
        if (!paid) {
            throw new NotFound(ProblemCode.UNKNOWN_DISTRIBUTION, "program " + programId + " distributed nothing on "
                    + paymentDate);
        }
        return positions.distributionNotice(programId, paymentDate, investorId, now)
                .map(notice -> DistributionNoticeView.of(notice, proofs.prove(List.of(new Source(
                        notice.globalIndex(), "WaterfallRun", notice.paymentDate())))))
                .orElseThrow(() -> new NotFound(RejectionCode.NOT_ALLOCATED, "the distribution of " + paymentDate
                        + " paid nothing to investor " + investorId));
    }

    @ReadsReadModels
    @GetMapping(path = "/distributions/{paymentDate}/notices/{investorId}", produces = DocumentPdfs.APPLICATION_PDF)
    public ResponseEntity<byte[]> distributionNoticePdf(
            @PathVariable String programId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paymentDate,
            @PathVariable String investorId) {
        DistributionNoticeView notice = distributionNotice(programId, paymentDate, investorId);
        return pdf("distribution-notice-" + programId + "-" + paymentDate + "-" + investorId + ".pdf",
                DocumentPdfs.distributionNotice(notice));
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "listInvestorDocuments", summary = "List the documents an investor can read",
            description = "Each capital call that allocated to the investor and each distribution that paid it, "
                    + "oldest first, and a capital-account statement for each calendar quarter from the quarter of "
                    + "its first commitment to the current one; each with the path that answers it (JSON, or PDF "
                    + "with Accept: application/pdf)." + READERS + " Errors: 404 NO_PROGRAM, UNKNOWN_INVESTOR (no "
                    + "commitment in the program); 503 READ_MODEL_REBUILDING (with Retry-After) while a read model "
                    + "it needs is being rebuilt.")
    @GetMapping(path = "/investors/{investorId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    public InvestorDocuments documents(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Investor identifier", example = "SOFTBANK") @PathVariable String investorId) {
        readModels.requireAvailable(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS, ReadModel.CAPITAL_CALLS,
                ReadModel.CASH_FLOWS);
        Instant now = knownProgram(programId);
        NoticeIndex index = positions.notices(programId, investorId, now).orElseThrow(() -> noProgram(programId));
        if (index.firstCommitted() == null) {
            throw new NotFound(RejectionCode.UNKNOWN_INVESTOR, "investor " + investorId + " has no commitment in "
                    + "program " + programId);
        }
        String program = "/api/v1/programs/" + programId;
        List<InvestorDocuments.CallNoticeLink> calls = index.calls().stream().map(c -> new InvestorDocuments
                .CallNoticeLink(c.callId(), c.effectiveDate(), c.allocation(), program + "/capital-calls/"
                + c.callId() + "/notices/" + investorId)).toList();
        List<InvestorDocuments.DistributionNoticeLink> distributions = index.distributions().stream()
                .map(d -> new InvestorDocuments.DistributionNoticeLink(d.paymentDate(), d.allocation(), program
                        + "/distributions/" + d.paymentDate() + "/notices/" + investorId)).toList();
        List<InvestorDocuments.StatementLink> statements = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        for (LocalDate from = index.firstCommitted().with(IsoFields.DAY_OF_QUARTER, 1); !from.isAfter(today);
             from = from.plusMonths(3)) {
            LocalDate to = from.plusMonths(3).minusDays(1);
            statements.add(new InvestorDocuments.StatementLink(from.getYear() + "-Q" + from.get(
                    IsoFields.QUARTER_OF_YEAR), from, to, program + "/investors/" + investorId
                    + "/capital-account?from=" + from + "&to=" + to));
        }
        return new InvestorDocuments(programId, investorId, calls, distributions, statements);
    }

    /** A PDF document as an attachment with a file name. */
    public static ResponseEntity<byte[]> pdf(String fileName, byte[] document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(document);
    }

    /** Now, once the program is known now. */
    private Instant knownProgram(String programId) {
        Instant now = clock.instant();
        if (positions.program(programId, new Bitemporal(LocalDate.ofInstant(now, clock.getZone()), now)).isEmpty()) {
            throw noProgram(programId);
        }
        return now;
    }

    private static NotFound noProgram(String programId) {
        return new NotFound(RejectionCode.NO_PROGRAM, "program " + programId + " does not exist");
    }
}
