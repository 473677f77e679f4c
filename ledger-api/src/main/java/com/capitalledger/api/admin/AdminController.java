package com.capitalledger.api.admin;

import com.capitalledger.api.web.NotFound;
import com.capitalledger.projections.consistency.ConsistencyCheck;
import com.capitalledger.projections.consistency.ConsistencyReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operating the read models: their status, rebuilding one or all, and checking them against the event store. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminController {

    private final ReadModels readModels;
    private final ConsistencyCheck consistency;
    private final Journal journal;

    public AdminController(ReadModels readModels, ConsistencyCheck consistency, Journal journal) {
        this.readModels = readModels;
        this.consistency = consistency;
        this.journal = journal;
    }

    @GetMapping("/read-models")
    public List<ReadModelStatus> readModels() {
        return readModels.status();
    }

    @GetMapping("/read-models/{name}")
    public ReadModelStatus readModel(@PathVariable String name) {
        return readModels.status(known(name));
    }

    /** Starts the rebuild and answers 202 at once; follow it on {@code GET /api/v1/admin/read-models/{name}}. */
    @PostMapping("/read-models/{name}/rebuild")
    public ResponseEntity<List<ReadModelStatus>> rebuild(@PathVariable String name) {
        List<String> names = "all".equals(name) ? List.copyOf(ReadModels.GROUPS.keySet()) : List.of(known(name));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(readModels.rebuild(names));
    }

    /** Folds the whole event store afresh and compares it with every read-model table; expected: no difference. */
    @PostMapping("/consistency-check")
    public ConsistencyReport consistencyCheck() {
        return journal.read(consistency::check);
    }

    private String known(String name) {
        if (!readModels.exists(name)) {
            throw new NotFound("UNKNOWN_READ_MODEL", "read model " + name + " does not exist; known: "
                    + ReadModels.GROUPS.keySet());
        }
        return name;
    }
}
