package com.capitalledger.api.journal;

import com.capitalledger.api.idempotency.ReadOnlyPost;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.projections.journal.Digests;
import com.capitalledger.projections.journal.JournalEntries;
import com.capitalledger.projections.journal.JournalStore;
import com.capitalledger.projections.journal.JournalTree;
import com.capitalledger.projections.journal.SigningKeys;
import com.capitalledger.projections.journal.Verification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The verifiable journal for auditors: signed digests, the public key to check them with, the journal exported with
 * each entry's canonical bytes, inclusion and consistency proofs, and verification against the event store.
 */
@Tag(name = "Journal", description = "The verifiable journal: digests, proofs, export, verification")
@RestController
@RequestMapping(path = "/api/v1/journal", produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalController {

    static final String NDJSON = "application/x-ndjson";
    static final String PEM = "application/x-pem-file";
    private static final String ROLES = " Roles: COMPLIANCE, ADMIN.";
    /** How long a verification request waits for its answer before answering 202 with its progress. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JournalTree tree;
    private final JournalStore store;
    private final JournalDigests digests;
    private final JournalPosition position;
    private final Verifications verifications;
    private final SigningKeys keys;

    JournalController(JournalTree tree, JournalStore store, JournalDigests digests, JournalPosition position,
                      Verifications verifications, SigningKeys keys) {
        this.tree = tree;
        this.store = store;
        this.digests = digests;
        this.position = position;
        this.verifications = verifications;
        this.keys = keys;
    }

    @Operation(operationId = "readJournalDigest", summary = "Sign a digest of the journal as it is now",
            description = "The journal's size and root hash (RFC 9162, SHA-256, lowercase hex) at this instant, "
                    + "signed with Ed25519 over the UTF-8 text treeSize|rootHash|issuedAt. Keep it: a later export "
                    + "must still hash to its root for its first treeSize entries." + ROLES)
    @GetMapping("/digest")
    public Digests.Digest digest() {
        return digests.current();
    }

    @Operation(operationId = "readJournalPublicKey", summary = "The journal's public key",
            description = "The Ed25519 public key that verifies every digest, as a PEM PUBLIC KEY block (X.509 "
                    + "SubjectPublicKeyInfo); its key id is the first 16 hex digits of the SHA-256 of that "
                    + "structure." + ROLES)
    @ApiResponse(responseCode = "200", description = "The public key, PEM",
            content = @Content(mediaType = PEM, schema = @Schema(type = "string")))
    @GetMapping(path = "/public-key", produces = PEM)
    public String publicKey() {
        return SigningKeys.publicKeyPem(keys.publicKey());
    }

    @ProblemStatuses({400})
    @Operation(operationId = "exportJournal", summary = "Export the journal, entry by entry",
            description = "One JSON line per entry from seq 'from' (default 0) to before 'to' (default: the "
                    + "journal's size): {seq, leafHash, entry}, where entry is the entry's canonical JSON (RFC 8785) "
                    + "rendered from the event store now, exactly the bytes its leaf hash covers when nothing was "
                    + "changed. An entry whose event the store no longer holds has entry null and its eventId. An "
                    + "export to the end also lists, with seq and leafHash null and their globalIndex, the events the "
                    + "store holds that the journal does not (written behind the ledger's back). Errors: 400 "
                    + "INVALID_PARAMETER." + ROLES)
    @ApiResponse(responseCode = "200", description = "The entries, one JSON object per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    ref = "#/components/headers/" + HttpHeaders.CONTENT_DISPOSITION))
    @GetMapping(path = "/export", produces = NDJSON)
    public ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "The first entry's seq", example = "0") @RequestParam(required = false) Long from,
            @Parameter(description = "The seq after the last entry; the journal's size when absent", example = "100")
            @RequestParam(required = false) Long to) {
        long size = tree.size();
        long first = from == null ? 0 : from;
        long end = to == null ? size : to;
        if (first < 0 || first > size) {
            throw new InvalidParameter("from", "must be between 0 and the journal's size, " + size);
        }
        if (end < first || end > size) {
            throw new InvalidParameter("to", "must be between from (" + first + ") and the journal's size, " + size);
        }
        JournalPosition.Passed passed = position.passed();
        StreamingResponseBody body = output -> {
            OutputStream out = new BufferedOutputStream(output, 1 << 16);
            HexFormat hex = HexFormat.of();
            store.entries(first, end, row -> line(out, "{\"seq\":" + row.seq() + ",\"leafHash\":\""
                    + hex.formatHex(row.leafHash()) + "\"" + (row.event() == null
                    ? ",\"eventId\":\"" + row.eventIdentifier() + "\",\"entry\":null}" : ",\"entry\":"),
                    row.event() == null ? null : entry(row)));
            if (to == null) {
                store.unjournaled(passed.upTo(), passed.pending(), row -> line(out, "{\"seq\":null,\"leafHash\":null,"
                        + "\"globalIndex\":" + row.event().globalIndex() + ",\"entry\":", entry(row)));
            }
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal.ndjson\"").body(body);
    }

    /** An event's entry, or, if it is no longer even JSON, its identity alone (which no leaf hash matches). */
    private static byte[] entry(JournalStore.JournaledRow row) {
        try {
            return JournalEntries.render(row.event(), null).bytes();
        } catch (IllegalArgumentException unreadable) {
            return ("{\"eventId\":\"" + row.eventIdentifier() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void line(OutputStream out, String head, byte[] entry) {
        try {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (entry != null) {
                out.write(entry);
                out.write('}');
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inclusion proof, hashes in lowercase hex. */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> auditPath,
                                 String rootHash) {
    }

    @ProblemStatuses({400})
    @Operation(operationId = "proveJournalEntry", summary = "Prove an entry is in the journal",
            description = "The RFC 9162 audit path of entry seq in the tree of its first treeSize entries (default: "
                    + "the journal's size), from the leaf's sibling up, with the leaf hash and the root it leads to. "
                    + "Errors: 400 INVALID_PARAMETER (an entry outside the tree, a tree larger than the journal)."
                    + ROLES)
    @GetMapping("/entries/{seq}/proof")
    public InclusionProof proof(@Parameter(description = "The entry's seq", example = "0") @PathVariable long seq,
                                @Parameter(description = "The tree's size", example = "20")
                                @RequestParam(required = false) Long treeSize) {
        long size = tree.size();
        long of = treeSize == null ? size : treeSize;
        if (of < 1 || of > size) {
            throw new InvalidParameter("treeSize", "must be between 1 and the journal's size, " + size);
        }
        if (seq < 0 || seq >= of) {
            throw new InvalidParameter("seq", "must be an entry of the tree: between 0 and " + (of - 1));
        }
        JournalTree.Inclusion proof = tree.inclusion(seq, of);
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), HexFormat.of().formatHex(proof.leafHash()),
                hex(proof.auditPath()), HexFormat.of().formatHex(proof.root()));
    }

    /** A consistency proof, hashes in lowercase hex. */
    public record ConsistencyProof(long first, long second, List<String> proof, String firstRootHash,
                                   String secondRootHash) {
    }

    @ProblemStatuses({400})
    @Operation(operationId = "proveJournalConsistency", summary = "Prove the journal only grew",
            description = "The RFC 9162 consistency proof that the tree of the first 'second' entries extends the "
                    + "tree of the first 'first' entries (nothing of those was changed, removed or reordered), with "
                    + "both roots. Errors: 400 INVALID_PARAMETER (unless 1 <= first <= second <= the journal's "
                    + "size)." + ROLES)
    @GetMapping("/consistency")
    public ConsistencyProof consistency(@Parameter(description = "The earlier tree's size", example = "10")
                                        @RequestParam long first,
                                        @Parameter(description = "The later tree's size", example = "20")
                                        @RequestParam long second) {
        long size = tree.size();
        if (second < 1 || second > size) {
            throw new InvalidParameter("second", "must be between 1 and the journal's size, " + size);
        }
        if (first < 1 || first > second) {
            throw new InvalidParameter("first", "must be between 1 and second (" + second + ")");
        }
        JournalTree.Consistency proof = tree.consistency(first, second);
        return new ConsistencyProof(first, second, hex(proof.proof()), HexFormat.of().formatHex(proof.firstRoot()),
                HexFormat.of().formatHex(proof.secondRoot()));
    }

    /** A verification's state and, once done, its report. */
    public record VerificationView(String id, State state, long entriesChecked, long entriesTotal, String rootHash,
                                   Boolean ok, Long mismatches, Verification.Mismatch firstMismatch,
                                   Digests.Digest heldTo, String startedAt, String finishedAt) {

        public enum State { RUNNING, DONE, FAILED }
    }

    @Operation(operationId = "verifyJournal", summary = "Verify the journal against the event store",
            description = "Recomputes every entry's leaf hash from the event store and every stored subtree, looks "
                    + "for events the store holds and the journal does not, and holds the root to the last digest "
                    + "in the digest file (outside the database). Answers 200 with the report when done within 10 "
                    + "s; otherwise 202 with the progress, and the report later on GET /api/v1/journal/"
                    + "verifications/{verificationId} (on this node). Changes nothing; needs no Idempotency-Key." + ROLES)
    @ApiResponse(responseCode = "200", description = "Done: the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = VerificationView.class)))
    @ApiResponse(responseCode = "202", description = "Still running: its progress, and where to read it later",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = VerificationView.class)))
    @ReadOnlyPost
    @PostMapping("/verify")
    public ResponseEntity<VerificationView> verify() {
        Verifications.Run run = verifications.start();
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
                    + "kept). Errors: 404 UNKNOWN_VERIFICATION." + ROLES)
    @GetMapping("/verifications/{verificationId}")
    public VerificationView verification(
            @Parameter(description = "The verification's id, from POST /api/v1/journal/verify",
                    example = "3f2b6c1e-8d4a-4f0e-9b7c-2a1d5e6f7a8b") @PathVariable String verificationId) {
        return view(verifications.get(verificationId).orElseThrow(() -> new NotFound("UNKNOWN_VERIFICATION",
                "no verification " + verificationId + " on this node; one is kept on the node that ran it, the last 20 of them")));
    }

    private VerificationView view(Verifications.Run run) {
        String started = run.startedAt().toString();
        if (!run.report().isDone()) {
            return new VerificationView(run.id(), VerificationView.State.RUNNING, run.verification().checked(),
                    run.entriesTotal(), null, null, null, null, run.heldTo(), started, null);
        }
        if (run.report().isCompletedExceptionally()) {
            return new VerificationView(run.id(), VerificationView.State.FAILED, run.verification().checked(),
                    run.entriesTotal(), null, null, null, null, run.heldTo(), started, run.finishedAt().get().toString());
        }
        Verification.Report report = run.report().join();
        return new VerificationView(run.id(), VerificationView.State.DONE, report.entriesChecked(),
                run.entriesTotal(), report.rootHash(), report.ok(), report.mismatches(), report.firstMismatch(),
                run.heldTo(), started, run.finishedAt().get().toString());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }
}
