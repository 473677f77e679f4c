package com.capitalledger.api.journal;

import com.capitalledger.api.idempotency.ReadOnlyPost;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.verify.VerificationPass;
import com.capitalledger.journal.verify.VerificationRuns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Verifications of the journal against the event store: started here, read back while they run and once done. */
@Tag(name = JournalApi.TAG, description = JournalApi.TAG_DESCRIPTION)
@RestController
@RequestMapping(path = JournalApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalVerificationController {

    /** How long a verification request waits for its answer before answering 202 with its progress. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VerificationRuns verifications;

    JournalVerificationController(VerificationRuns verifications) {
        this.verifications = verifications;
    }

    /** A verification's state and, once done, its report. */
    public record VerificationView(@Schema(format = "uuid", description = "The verification's id: read it again "
                                           + "at /api/v1/journal/verifications/{verificationId}") String id,
                                   State state, long entriesChecked, long entriesTotal, String rootHash,
                                   Boolean ok, Long mismatches, VerificationPass.Mismatch firstMismatch,
                                   Digests.Digest heldTo, String startedAt, String finishedAt) {

        public enum State { RUNNING, DONE, FAILED }
    }

    @Operation(operationId = "verifyJournal", summary = "Verify the journal against the event store",
            description = "Recomputes every entry's leaf hash from the event store and every stored subtree, looks "
                    + "for events the store holds and the journal does not, and holds the root to the last digest "
                    + "of this ledger in the digest file (outside the database; digests of other ledgers are ignored). Answers 200 with the report when done within 10 "
                    + "s; otherwise 202 with the progress, and the report later on GET /api/v1/journal/"
                    + "verifications/{verificationId} (on this node). Changes nothing; needs no Idempotency-Key." + JournalApi.ROLES)
    @ApiResponse(responseCode = "200", description = "Done: the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = VerificationView.class)))
    @ApiResponse(responseCode = "202", description = "Still running: its progress, and where to read it later",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = VerificationView.class)))
    @ReadOnlyPost
    @PostMapping("/verify")
    public ResponseEntity<VerificationView> verify() {
        VerificationRuns.Run run = verifications.start();
        try {
            run.report().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/journal/verifications/" + run.id())).body(view(run));
        } catch (ExecutionException failed) {
            return ResponseEntity.ok(view(run));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok(view(run));
    }

    @ProblemStatuses({404})
    @Operation(operationId = "readJournalVerification", summary = "Read a verification's progress or report",
            description = "A verification started on this node by POST /api/v1/journal/verify (the last 20 are "
                    + "kept). Errors: 404 UNKNOWN_VERIFICATION." + JournalApi.ROLES)
    @GetMapping("/verifications/{verificationId}")
    public VerificationView verification(
            @Parameter(description = "The verification's id, from POST /api/v1/journal/verify",
                    example = "3f2b6c1e-8d4a-4f0e-9b7c-2a1d5e6f7a8b") @PathVariable String verificationId) {
        return view(verifications.get(verificationId).orElseThrow(() -> new NotFound(
                ProblemCode.UNKNOWN_VERIFICATION, "no verification " + verificationId + " on this node; one is kept "
                + "on the node that ran it, the last 20 of them")));
    }

    private VerificationView view(VerificationRuns.Run run) {
        String started = run.startedAt().toString();
        if (!run.report().isDone()) {
            return new VerificationView(run.id(), VerificationView.State.RUNNING, run.verification().checked(),
                    run.entriesTotal(), null, null, null, null, run.heldTo(), started, null);
        }
        if (run.report().isCompletedExceptionally()) {
            return new VerificationView(run.id(), VerificationView.State.FAILED, run.verification().checked(),
                    run.entriesTotal(), null, null, null, null, run.heldTo(), started, run.finishedAt().get().toString());
        }
        VerificationPass.Report report = run.report().join();
        return new VerificationView(run.id(), VerificationView.State.DONE, report.entriesChecked(),
                run.entriesTotal(), report.rootHash(), report.ok(), report.mismatches(), report.firstMismatch(),
                run.heldTo(), started, run.finishedAt().get().toString());
    }
}
