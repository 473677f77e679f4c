package com.capitalledger.api.whatif;

import com.capitalledger.api.idempotency.ReadOnlyPost;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.whatif.WhatIfResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static com.capitalledger.api.web.ApiDocs.PROGRAM_ID;

/**
 * What-if replay for analysts: the program's journal branched with hypothetical changes and decided again by the live
 * decision code, in memory; base and scenario side by side. Safe: it writes nothing, so it needs no Idempotency-Key.
 */
@Tag(name = "What-if")
@RestController
public class WhatIfController {

    static final String DESCRIPTION = "Branches the program's journal as recorded at knownAt, applies the changes and "
            + "decides every event after the first change again with the live command path's decision code, in "
            + "memory. An added command is decided just before the first recorded event whose effective date is later "
            + "than its own (or at the end); a replacement takes its event's place; shiftRate raises the named base "
            + "rate in force on every day from 'from' on; scaleCashFlows scales the revenue and operating costs of "
            + "every recorded cash flow whose period ends on or after 'from' by (1 + pct/100), HALF_EVEN to the cent, "
            + "before the waterfalls after it are decided again. Answers base and scenario at each date (each exactly "
            + "a GET /positions document with two more members, cashFlows and returns, exactly the GET /cash-flows "
            + "and GET /returns documents), each change's outcome (REJECTED with the live path's code and message), "
            + "the recorded events the branch now refuses (consequences), and every figure that differs with its "
            + "delta (paths as in the documents: investors[SOFTBANK].called; "
            + "cashFlows.periods[2028-06-30].waterfall.dscr, "
            + "cashFlows.periods[2028-06-30].waterfall.steps[SENIOR_PRINCIPAL].paid, "
            + "cashFlows.eventsOfDefault[EOD-2028-06-30-DSCR].waived; returns.investors[SOFTBANK].irrPct, "
            + "returns.program.tvpi); Accept: text/csv gives the differences as CSV. "
            + "Writes nothing: no event, read model, "
            + "audit line or idempotency key; needs no Idempotency-Key. Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN. "
            + "Errors: 400 VALIDATION_FAILED (a field, a change or a command body that is not well formed, more than "
            + WhatIfLimits.MAX_CHANGES + " changes or " + WhatIfLimits.MAX_DATES + " dates, a date outside 1900-2999), "
            + "MALFORMED_REQUEST, INVALID_PARAMETER; 404 NO_PROGRAM (unknown, or not yet recorded at knownAt); 413 "
            + "PAYLOAD_TOO_LARGE; 422 INVALID_CHANGE (an eventId not in the journal, an event changed twice, the "
            + "program's creation removed or replaced).";

    static final String SOFR_SHOCK = """
            {"asOf": ["2025-12-31", "2026-12-31"],
             "changes": [{"op": "shiftRate", "baseRate": "SOFR", "from": "2026-01-01", "bps": 200}]}""";
    static final String LOCK_UP = """
            {"asOf": ["2029-06-30"],
             "changes": [{"op": "shiftRate", "baseRate": "SOFR", "from": "2027-01-01", "bps": 200},
                         {"op": "scaleCashFlows", "from": "2028-01-01", "revenuePct": "-20"}]}""";
    static final String COVENANT_BREACH = """
            {"asOf": ["2025-12-31"],
             "changes": [
               {"op": "add", "command": {"type": "draw", "trancheId": "SENIOR-A", "drawId": "D-X1",
                "amount": "34000000000.00", "currency": "USD", "effectiveDate": "2025-03-04"}},
               {"op": "add", "command": {"type": "draw", "trancheId": "MEZZ-A", "drawId": "D-X2",
                "amount": "10000000000.00", "currency": "USD", "effectiveDate": "2025-03-04"}}]}""";
    static final String REMOVE_AND_REPLACE = """
            {"knownAt": "2026-06-30T00:00:00Z", "schedule": {"from": "2025-06-30", "to": "2026-12-31", "every": "P6M"},
             "changes": [
               {"op": "remove", "eventId": "0b9f6c1e-6f0e-4d8e-9a53-5d0f3c4b2a11"},
               {"op": "replace", "eventId": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                "command": {"type": "capital-call", "callId": "CALL-2", "phaseId": "PHASE-1",
                            "amount": "1000000000.00", "currency": "USD", "purpose": "smaller second call",
                            "effectiveDate": "2025-06-02"}}]}""";

    private final WhatIfQuestions questions;
    private final WhatIfs whatIfs;

    WhatIfController(WhatIfQuestions questions, WhatIfs whatIfs) {
        this.questions = questions;
        this.whatIfs = whatIfs;
    }

    @ProblemStatuses({400, 404, 422})
    @Operation(operationId = "runWhatIf", summary = "Run a what-if on a program", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WhatIfRequest.class),
                    examples = {
                            @ExampleObject(name = "SOFR +200 bp from 2026", value = SOFR_SHOCK),
                            @ExampleObject(name = "SOFR +200 bp from 2027, revenue -20% from 2028: the lock-up trips",
                                    value = LOCK_UP),
                            @ExampleObject(name = "Both tranches drawn in full in March 2025", value = COVENANT_BREACH),
                            @ExampleObject(name = "A call removed, another replaced, half-yearly",
                                    value = REMOVE_AND_REPLACE)})))
    @ReadOnlyPost
    @PostMapping(path = "/api/v1/programs/{programId}/what-if", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public WhatIfResult whatIf(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody WhatIfRequest body) {
        ProgramId program = PathIds.parse("programId", programId, ProgramId::new);
        return whatIfs.run(program, questions.parse(program, body));
    }

    @ProblemStatuses({400, 404, 422})
    @Operation(operationId = "runWhatIf", summary = "Run a what-if on a program", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WhatIfRequest.class),
                    examples = {
                            @ExampleObject(name = "SOFR +200 bp from 2026", value = SOFR_SHOCK),
                            @ExampleObject(name = "SOFR +200 bp from 2027, revenue -20% from 2028: the lock-up trips",
                                    value = LOCK_UP),
                            @ExampleObject(name = "Both tranches drawn in full in March 2025", value = COVENANT_BREACH),
                            @ExampleObject(name = "A call removed, another replaced, half-yearly",
                                    value = REMOVE_AND_REPLACE)})))
    @ApiResponse(responseCode = "200", description = "The answer, or with Accept: text/csv its differences as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: text/csv: "
                    + "attachment, with a file name", schema = @Schema(type = "string")))
    @ReadOnlyPost
    @PostMapping(path = "/api/v1/programs/{programId}/what-if", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = "text/csv")
    public String whatIfCsv(
            @Parameter(description = PROGRAM_ID, example = "STARGATE") @PathVariable String programId,
            @Valid @RequestBody WhatIfRequest body, HttpServletResponse response) {
        response.setHeader("Content-Disposition", "attachment; filename=\"what-if-differences.csv\"");
        return DifferencesCsv.write(whatIf(programId, body).differences());
    }
}
