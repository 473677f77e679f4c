package com.capitalledger.api.whatif;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.core.whatif.JournalEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * The journal a what-if branches, for the people who write what-ifs: each recorded event of the program (and each
 * base-rate fixing) with the id a remove or replace names. Analysts may read it; the audit trail, with its actors and
 * clients, stays with compliance.
 */
@Tag(name = "What-if", description = "What-if replay: the journal, what-ifs and saved scenarios")
@RestController
public class ProgramEventsController {

    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    /** One recorded event: its id, type, effective date, recording instant and content. */
    public record ProgramEvent(int position, String eventId, String type, LocalDate effectiveDate, Instant recordedAt,
                               LedgerEvent event) {
    }

    /** A page of the journal and the position the next page starts at, absent on the last page. */
    public record ProgramEvents(String programId, Instant knownAt, List<ProgramEvent> events, Integer nextPosition) {
    }

    private final ProgramJournal journal;
    private final Clock clock;

    ProgramEventsController(ProgramJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "listProgramEvents", summary = "List a program's recorded events",
            description = "The journal a what-if branches, in recorded order: the program's events and every "
                    + "base-rate fixing, as recorded at knownAt, each with the eventId that a what-if's remove or "
                    + "replace names. In pages of at most " + MAX_LIMIT + " from a position. Roles: TREASURY, "
                    + "COMPLIANCE, ANALYST, ADMIN. Errors: 400 INVALID_PARAMETER; 404 NO_PROGRAM (unknown, or not yet "
                    + "recorded at knownAt).")
    @GetMapping(path = "/api/v1/programs/{programId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public ProgramEvents events(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Parameter(description = "Instant (ISO-8601, UTC): only events recorded at or before it; now by default",
                    example = "2026-06-30T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
            @Parameter(description = "Position of the first event listed, 0 by default", example = "0",
                    schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) Integer from,
            @Parameter(description = "At most this many events, 1-" + MAX_LIMIT + ", " + DEFAULT_LIMIT + " by default",
                    example = "1000", schema = @Schema(type = "integer", format = "int32", minimum = "1",
                    maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @RequestParam(required = false) Integer limit) {
        ProgramId program = PathIds.parse("programId", programId, ProgramId::new);
        int start = from == null ? 0 : from;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (start < 0) {
            throw new InvalidParameter("from", "must be 0 or more");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Instant known = knownAt == null ? clock.instant() : knownAt;
        List<JournalEntry> entries = journal.read(program, known);
        if (entries.isEmpty()) {
            throw new NotFound(RejectionCode.NO_PROGRAM, "program " + program + " does not exist");
        }
        int end = (int) Math.min((long) start + size, entries.size());
        List<ProgramEvent> page = new ArrayList<>();
        for (int i = Math.min(start, entries.size()); i < end; i++) {
            JournalEntry entry = entries.get(i);
            page.add(new ProgramEvent(i, entry.eventId(), entry.event().getClass().getSimpleName(),
                    entry.event().effectiveDate(), entry.recordedAt(), entry.event()));
        }
        return new ProgramEvents(program.value(), known, page, end < entries.size() ? end : null);
    }
}
