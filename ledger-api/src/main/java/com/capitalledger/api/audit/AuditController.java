package com.capitalledger.api.audit;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.projections.audit.AuditEntry;
import com.capitalledger.projections.audit.AuditFilter;
import com.capitalledger.projections.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The compliance audit trail: every accepted event and every rejected command, filtered, in pages ordered by the
 * instant they were recorded. JSON by default; {@code Accept: text/csv} exports the same page as CSV, with the next
 * page's cursor in the {@code X-Next-Cursor} header.
 */
@RestController
@RequestMapping("/api/v1/audit/entries")
public class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;
    private final ReadModels readModels;

    public AuditController(AuditTrail trail, ReadModels readModels) {
        this.trail = trail;
        this.readModels = readModels;
    }

    private static final String SUMMARY = "Read the audit trail";
    private static final String DESCRIPTION = "Every accepted event and every rejected command (with its code), "
            + "filtered, in pages ordered by the instant recorded. JSON by default; Accept: text/csv exports the same "
            + "page as CSV, with the next page's cursor in the X-Next-Cursor header. Roles: COMPLIANCE, ADMIN. Errors: "
            + "400 INVALID_PARAMETER (limit outside 1-1000, a cursor this service did not issue, an unknown outcome, "
            + "an unreadable from or to); 503 READ_MODEL_REBUILDING while the audit trail is being rebuilt. No "
            + "business rejection (422).";

    /** One page of entries and the cursor of the next, absent on the last page. */
    public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    }

    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(produces = "application/json")
    public AuditPage json(@ParameterObject AuditQuery query) {
        return page(query);
    }

    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(produces = "text/csv")
    public String csv(@ParameterObject AuditQuery query, HttpServletResponse response) {
        AuditPage page = page(query);
        if (page.nextCursor() != null) {
            response.setHeader("X-Next-Cursor", page.nextCursor());
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-entries.csv\"");
        return AuditCsv.write(page.entries());
    }

    private AuditPage page(AuditQuery query) {
        return page(new AuditFilter(query.programId(), query.investorId(), query.trancheId(), query.actor(),
                query.type(), query.outcome(), query.from(), query.to(), AuditCursor.decode(query.cursor()),
                limit(query.limit())));
    }

    private AuditPage page(AuditFilter filter) {
        readModels.requireAvailable("audit-trail");
        List<AuditEntry> entries = trail.find(filter);
        String next = entries.size() == filter.limit() ? AuditCursor.encode(entries.get(entries.size() - 1)) : null;
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
