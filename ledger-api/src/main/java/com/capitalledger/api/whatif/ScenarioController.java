package com.capitalledger.api.whatif;

import com.capitalledger.api.idempotency.ReadOnlyPost;
import com.capitalledger.api.web.Conflict;
import com.capitalledger.api.web.InvalidBody.FieldProblem;
import com.capitalledger.api.web.InvalidBody;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.whatif.WhatIfResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Saved what-if scenarios: a named request kept to be run again as the ledger moves on. Saving needs an
 * Idempotency-Key like every POST that stores something; running one is a what-if and stores nothing.
 */
@Tag(name = "What-if")
@RestController
@RequestMapping(path = "/api/v1/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
public class ScenarioController {

    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String SCENARIO_ID = "Scenario id, as saving it answered";
    private static final String ROLES = " Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN.";

    /** The scenarios, oldest first. */
    public record ScenarioList(List<SavedScenario> scenarios) {
    }

    private final Scenarios scenarios;
    private final WhatIfQuestions questions;
    private final WhatIfs whatIfs;
    private final Clock clock;

    ScenarioController(Scenarios scenarios, WhatIfQuestions questions, WhatIfs whatIfs, Clock clock) {
        this.scenarios = scenarios;
        this.questions = questions;
        this.whatIfs = whatIfs;
        this.clock = clock;
    }

    @ProblemStatuses({400, 409, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "saveScenario", summary = "Save a what-if scenario",
            description = "Stores a named what-if request (not its result) for a program; it is validated as the "
                    + "what-if endpoint validates it, and must not carry knownAt (a saved scenario runs against the "
                    + "ledger as it is when run). Answers 201 with the scenario and its Location." + ROLES
                    + " Errors: 400 VALIDATION_FAILED, MALFORMED_REQUEST, IDEMPOTENCY_KEY_REQUIRED; 409 "
                    + "SCENARIO_EXISTS (the caller already has a scenario of that name for the program); 422 IDEMPOTENCY_KEY_REUSED.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SavedScenario> save(@Valid @RequestBody ScenarioRequest body, HttpServletRequest request) {
        if (body.request().knownAt() != null) {
            throw new InvalidBody(List.of(new FieldProblem("request.knownAt", "must be absent: a saved scenario runs "
                    + "against the ledger as it is when run")));
        }
        questions.parse(new ProgramId(body.programId()), body.request(), "request.");
        return scenarios.save(body.name(), body.programId(), body.request(), request.getRemoteUser(), clock.instant())
                .map(saved -> ResponseEntity
                        .created(URI.create("/api/v1/scenarios/" + saved.scenarioId())).body(saved))
                // One person's names are unique within a program, so that a scenario is found again by its name.
                .orElseThrow(() -> new Conflict(ProblemCode.SCENARIO_EXISTS, request.getRemoteUser() + " already has a "
                        + "scenario named '" + body.name() + "' for program " + body.programId()));
    }

    @ProblemStatuses({400})
    @Operation(operationId = "listScenarios", summary = "List saved what-if scenarios",
            description = "Every saved scenario, or a program's, oldest first." + ROLES
                    + " Errors: 400 INVALID_PARAMETER (a malformed programId).")
    @GetMapping
    public ScenarioList list(@Parameter(description = "Only this program's scenarios", example = "STARGATE",
                                        schema = @Schema(pattern = Shapes.ID))
                             @RequestParam(required = false) String programId) {
        if (programId != null && !programId.matches(Shapes.ID)) {
            throw new InvalidParameter("programId", Shapes.ID_MESSAGE);
        }
        return new ScenarioList(scenarios.list(programId));
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "readScenario", summary = "Read a saved what-if scenario",
            description = "The scenario's name, program, request, author and date." + ROLES
                    + " Errors: 400 INVALID_PARAMETER (not a scenario id); 404 UNKNOWN_SCENARIO.")
    @GetMapping("/{scenarioId}")
    public SavedScenario get(@Parameter(description = SCENARIO_ID, example = "5a1c9e1e-3b7d-4c2a-9f10-6d8e2b4a7c01")
                             @PathVariable String scenarioId) {
        return scenario(scenarioId);
    }

    @ProblemStatuses({400, 404, 422})
    @Operation(operationId = "runScenario", summary = "Run a saved what-if scenario",
            description = "Runs the scenario's request against the ledger as it is now (knownAt = now): the answer "
                    + "of POST /api/v1/programs/{programId}/what-if; Accept: text/csv gives the differences as CSV. "
                    + "Writes nothing; needs no Idempotency-Key." + ROLES + " Errors: 400 INVALID_PARAMETER (not a "
                    + "scenario id); 404 UNKNOWN_SCENARIO, NO_PROGRAM; 422 INVALID_CHANGE (an event it names is no "
                    + "longer in the journal as the ledger holds it).")
    @ReadOnlyPost
    @PostMapping(path = "/{scenarioId}/run", produces = MediaType.APPLICATION_JSON_VALUE)
    public WhatIfResult run(@Parameter(description = SCENARIO_ID, example = "5a1c9e1e-3b7d-4c2a-9f10-6d8e2b4a7c01")
                            @PathVariable String scenarioId) {
        SavedScenario saved = scenario(scenarioId);
        ProgramId program = PathIds.parse("programId", saved.programId(), ProgramId::new);
        return whatIfs.run(program, questions.parse(program, saved.request()));
    }

    @ProblemStatuses({400, 404, 422})
    @Operation(operationId = "runScenario", summary = "Run a saved what-if scenario",
            description = "The same run, its differences as CSV.")
    @ApiResponse(responseCode = "200", description = "The answer, or with Accept: text/csv its differences as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "With Accept: text/csv: "
                    + "attachment, with a file name", schema = @Schema(type = "string")))
    @ReadOnlyPost
    @PostMapping(path = "/{scenarioId}/run", produces = "text/csv")
    public String runCsv(@Parameter(description = SCENARIO_ID, example = "5a1c9e1e-3b7d-4c2a-9f10-6d8e2b4a7c01")
                         @PathVariable String scenarioId, HttpServletResponse response) {
        response.setHeader("Content-Disposition", "attachment; filename=\"what-if-differences.csv\"");
        return DifferencesCsv.write(run(scenarioId).differences());
    }

    private SavedScenario scenario(String scenarioId) {
        if (!UUID_SHAPE.matcher(scenarioId).matches()) {
            throw new InvalidParameter("scenarioId", "must be a scenario id (a UUID)");
        }
        UUID id = UUID.fromString(scenarioId);
        return scenarios.find(id).orElseThrow(() -> new NotFound(ProblemCode.UNKNOWN_SCENARIO,
                "scenario " + id + " does not exist"));
    }
}
