package com.capitalledger.journal.verify;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.store.JournalPosition;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.store.JournalTree;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifications of the journal, each run in the background on the node that started it, with its progress; the last
 * few are kept to be read back.
 */
@Component
public class VerificationRuns {

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);
    private static final int KEPT = 20;

    /** A verification: what it holds the journal to, how far it got, and once done its report. */
    public record Run(String id, Instant startedAt, long entriesTotal, Digests.Digest heldTo, VerificationPass verification,
               CompletableFuture<VerificationPass.Report> report, AtomicReference<Instant> finishedAt) {
    }

    private final EventStoreVerifier verifier;
    private final JournalTree tree;
    private final JournalPosition position;
    private final JournalDigests digests;
    private final SigningKeys keys;
    private final JournalStore store;
    private final Clock clock;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "journal-verification");
        thread.setDaemon(true);
        return thread;
    });

    VerificationRuns(EventStoreVerifier verifier, JournalTree tree, JournalPosition position, JournalDigests digests,
                  SigningKeys keys, JournalStore store, Clock clock) {
        this.verifier = verifier;
        this.tree = tree;
        this.position = position;
        this.digests = digests;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Starts a verification. It holds the journal to the last digest in the digest file when that digest is signed
     * with the journal's key (one that is not is reported as a mismatch itself).
     */
    public synchronized Run start() {
        Digests.Digest heldTo = digests.lastWritten().orElse(null);
        boolean signed = heldTo == null || Digests.verify(heldTo, keys.publicKey());
        VerificationPass verification = new VerificationPass(signed && heldTo != null ? List.of(heldTo) : List.of(),
                store.genesis());
        if (!signed) {
            verification.forgedDigest(heldTo);
        }
        JournalPosition.Passed passed = position.passed();
        Run run = new Run(UUID.randomUUID().toString(), clock.instant(), tree.size(), heldTo, verification,
                new CompletableFuture<>(), new AtomicReference<>());
        runs.put(run.id(), run);
        if (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        executor.submit(() -> {
            try {
                VerificationPass.Report report = verifier.verify(verification, passed.upTo(), passed.pending());
                if (report.ok()) {
                    log.info("Journal verified: {} entries, root {}, no mismatch", report.entriesChecked(),
                            report.rootHash());
                } else {
                    // For compliance, not for operations to shrug off: the journal does not match the event store.
                    log.error("Journal verification found {} mismatches in {} entries; the first: {}",
                            report.mismatches(), report.entriesChecked(), report.firstMismatch());
                }
                run.finishedAt().set(clock.instant());
                run.report().complete(report);
            } catch (RuntimeException e) {
                log.error("Journal verification {} failed", run.id(), e);
                run.finishedAt().set(clock.instant());
                run.report().completeExceptionally(e);
            }
        });
        return run;
    }

    public synchronized Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
