package com.capitalledger.api.audit;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.projections.audit.AuditFilter;
import com.capitalledger.projections.audit.AuditTrail;
import com.capitalledger.projections.fold.audit.AuditEntry;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The compliance audit trail: every accepted event and every rejected command, filtered, ordered by the instant they
 * were recorded. Read it in JSON pages, or export the whole filtered trail as CSV, streamed as it is read.
 */
@Tag(name = "Audit", description = "The compliance audit trail: read it in pages, export it as CSV")
@RestController
@RequestMapping("/api/v1/audit/entries")
public class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String NEXT_CURSOR = "X-Next-Cursor";
    static final String TEXT_CSV = "text/csv";

    private static final String FILTER_ERRORS = "Roles: COMPLIANCE, ADMIN. Errors: 400 INVALID_PARAMETER (an unknown "
            + "outcome, an unreadable from or to";
    private static final String REBUILDING = "; 503 READ_MODEL_REBUILDING (with Retry-After) while the audit trail is "
            + "being rebuilt. No business rejection (422).";

    private final AuditTrail trail;
    private final ReadModels readModels;

    public AuditController(AuditTrail trail, ReadModels readModels) {
        this.trail = trail;
        this.readModels = readModels;
    }

    /** One page of entries and the cursor of the next, null on the last page. */
    public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    }

    @ReadsReadModels
    @ProblemStatuses({400})
    @Operation(operationId = "readAuditTrail", summary = "Read the audit trail, a page at a time",
            description = "Every accepted event and every command refused to a signed-in caller (with its code: "
                    + "the ledger's rules, 403 FORBIDDEN, 409 CONCURRENT_MODIFICATION, 412 VERSION_MISMATCH, 422 "
                    + "IDEMPOTENCY_KEY_REUSED), filtered, in pages "
                    + "ordered by the instant recorded; nextCursor (also sent as X-Next-Cursor) asks for the next "
                    + "page. GET /api/v1/audit/entries/export gives the whole filtered trail as CSV; so does this path "
                    + "with Accept: text/csv and neither cursor nor limit (with either, one page as CSV, its next "
                    + "cursor in X-Next-Cursor), kept for existing clients. " + FILTER_ERRORS + ", limit outside "
                    + "1-1000, a cursor this service did not issue)" + REBUILDING)
    @ApiResponse(responseCode = "200", description = "One page of the trail; with Accept: text/csv, the trail as CSV "
            + "(see the description)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AuditPage.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary"))},
            headers = {@Header(name = NEXT_CURSOR, ref = "#/components/headers/" + NEXT_CURSOR),
                    @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: text/csv: "
                            + "attachment, with a file name", schema = @Schema(type = "string"))})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AuditPage> read(@ParameterObject AuditQuery query) {
        AuditPage page = page(query);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            ok.header(NEXT_CURSOR, page.nextCursor());
        }
        return ok.body(page);
    }

    @ReadsReadModels
    @ProblemStatuses({400})
    @Operation(operationId = "exportAuditTrail", summary = "Export the audit trail as CSV",
            description = "The whole filtered trail, not a page: every accepted event and every rejected command the "
                    + "filter selects, ordered by the instant recorded, as RFC 4180 CSV with a header line, streamed "
                    + "as it is read from one consistent snapshot of the trail. Free-text cells a spreadsheet would "
                    + "read as a formula start with an apostrophe. " + FILTER_ERRORS + ")" + REBUILDING)
    @ApiResponse(responseCode = "200", description = "The CSV, one line per entry after the header line",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    ref = "#/components/headers/" + HttpHeaders.CONTENT_DISPOSITION))
    @GetMapping(path = "/export", produces = TEXT_CSV)
    public void export(@ParameterObject AuditExportQuery query, HttpServletResponse response) throws IOException {
        readModels.requireAvailable(ReadModel.AUDIT_TRAIL);
        AuditFilter filter = query.filter();
        writeCsv(response, lines -> trail.export(filter, lines));
    }

    /**
     * The CSV this path gave before the export had its own: the whole filtered trail without cursor or limit (a
     * default page of 100 used to cut it short silently), one page as CSV with either. The document has one
     * operation per path and method: it lists text/csv among the JSON operation's answers; generated clients call the
     * export.
     */
    @ReadsReadModels
    @Hidden
    @GetMapping(produces = TEXT_CSV)
    public void csv(@ParameterObject AuditQuery query, HttpServletResponse response) throws IOException {
        if (query.cursor() == null && query.limit() == null) {
            export(new AuditExportQuery(query.programId(), query.investorId(), query.trancheId(), query.actor(),
                    query.type(), query.outcome(), query.from(), query.to()), response);
            return;
        }
        AuditPage page = page(query);
        if (page.nextCursor() != null) {
            response.setHeader(NEXT_CURSOR, page.nextCursor());
        }
        writeCsv(response, lines -> page.entries().forEach(lines));
    }

    private static void writeCsv(HttpServletResponse response, Consumer<Consumer<AuditEntry>> entries)
            throws IOException {
        response.setContentType(TEXT_CSV);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-entries.csv\"");
        AuditCsv csv = new AuditCsv(response.getWriter());
        entries.accept(csv::print);
        csv.flush();
    }

    private AuditPage page(AuditQuery query) {
        AuditFilter.Cursor after = AuditCursor.decode(query.cursor());
        int limit = limit(query.limit());
        readModels.requireAvailable(ReadModel.AUDIT_TRAIL);
        List<AuditEntry> entries = trail.find(query.filter(), after, limit);
        String next = entries.size() == limit ? AuditCursor.encode(entries.get(entries.size() - 1)) : null;
        return new AuditPage(entries, next);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
