package com.capitalledger.api.admin;

import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.projections.tablecheck.TableCheck;
import com.capitalledger.projections.tablecheck.ConsistencyReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operating the read models: their status, rebuilding one or all, and checking them against the event store. */
@Tag(name = "Administration", description = "Read models: status, rebuilds, the consistency check")
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminController {

    private static final String READ_MODEL = "Read model: programs, investor-positions, capital-calls, tranches, "
            + "audit-trail or cash-flows";

    private final ReadModels readModels;
    private final TableCheck tableCheck;
    private final EventStoreReader events;

    public AdminController(ReadModels readModels, TableCheck tableCheck, EventStoreReader events) {
        this.readModels = readModels;
        this.tableCheck = tableCheck;
        this.events = events;
    }

    @Operation(operationId = "listReadModels", summary = "List the read models' status",
            description = "Each read model's state (LIVE, REBUILDING or STOPPED), its position in the event stream "
                    + "against the stream's head, and a rebuild's pace and expected time. Role: ADMIN. No business "
                    + "rejection (422).")
    @GetMapping("/read-models")
    public List<ReadModelStatus> readModels() {
        return readModels.status();
    }

    @ProblemStatuses({404})
    @Operation(operationId = "readReadModel", summary = "Read one read model's status",
            description = "The read model's state (LIVE, REBUILDING or STOPPED), its position in the event stream "
                    + "against the stream's head, and a rebuild's pace and expected time. Role: ADMIN. Errors: 404 "
                    + "UNKNOWN_READ_MODEL. No business rejection (422).")
    @GetMapping("/read-models/{name}")
    public ReadModelStatus readModel(@Parameter(description = READ_MODEL, example = "investor-positions")
                                     @PathVariable String name) {
        return readModels.status(known(name));
    }

    /** Starts the rebuild and answers 202 at once; follow it on {@code GET /api/v1/admin/read-models/{name}}. */
    @ProblemStatuses({404})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild a read model, or all",
            description = "Starts rebuilding the named read model (or all of them, with name 'all') from the event "
                    + "store and answers 202 at once with their status; follow it on GET "
                    + "/api/v1/admin/read-models/{name}. Meanwhile queries that need it answer 503 "
                    + "READ_MODEL_REBUILDING. Role: ADMIN. Errors: 404 UNKNOWN_READ_MODEL; 400 "
                    + "IDEMPOTENCY_KEY_REQUIRED and 422 IDEMPOTENCY_KEY_REUSED, like every POST. No business "
                    + "rejection code.")
    @PostMapping("/read-models/{name}/rebuild")
    public List<ReadModelStatus> rebuild(
            @Parameter(description = READ_MODEL + ", or all", example = "all") @PathVariable String name) {
        List<String> names = "all".equals(name) ? ReadModel.IDS : List.of(known(name));
        return readModels.rebuild(names);
    }

    /** Folds the whole event store afresh and compares it with every read-model table; expected: no difference. */
    @Operation(operationId = "checkConsistency", summary = "Check the read models against the event store",
            description = "Folds the whole event store afresh and compares the result with every read-model table; "
                    + "the report lists any difference (expected: none). Roles: COMPLIANCE, ADMIN. Errors: 400 "
                    + "IDEMPOTENCY_KEY_REQUIRED and 422 IDEMPOTENCY_KEY_REUSED, like every POST. No business "
                    + "rejection code.")
    @PostMapping("/consistency-check")
    public ConsistencyReport consistencyCheck() {
        return events.read(tableCheck::check);
    }

    private String known(String name) {
        if (!readModels.exists(name)) {
            throw new NotFound(ProblemCode.UNKNOWN_READ_MODEL, "read model " + name + " does not exist; known: "
                    + ReadModel.IDS);
        }
        return name;
    }
}
