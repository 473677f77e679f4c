package com.capitalledger.journal.digest;

import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.store.JournalTree;
import com.capitalledger.journal.store.LedgerId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signed digests of the journal: issued on request, and appended to the digest file (outside the database) whenever
 * the journal has grown by {@code ledger.journal.digest-every-entries} entries, or has grown at all and
 * {@code ledger.journal.digest-every} has passed. Each digest names its ledger; each node writes its own file, which
 * other ledgers may share: the last digest in it naming this ledger is what a verification holds the journal to.
 */
public class JournalDigests {

    private static final Logger log = LoggerFactory.getLogger(JournalDigests.class);

    private final JournalTree tree;
    private final SigningKeys keys;
    private final Clock clock;
    private final ObjectMapper json;
    private final Path file;
    private final LedgerId ledger;
    private final Duration every;
    private final long everyEntries;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "journal-digests");
        thread.setDaemon(true);
        return thread;
    });
    private long lastSize = -1;
    private boolean failing;
    private Instant lastAt;

    public JournalDigests(JournalTree tree, SigningKeys keys, Clock clock, ObjectMapper json, Path file,
                          LedgerId ledger, Duration every, long everyEntries) {
        this.tree = tree;
        this.keys = keys;
        this.clock = clock;
        this.json = json;
        this.file = file;
        this.ledger = ledger;
        this.every = every;
        this.everyEntries = everyEntries;
        log.info("Journal digests of ledger {} are written to {}", ledger.value(), file);
        schedule.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A digest of the journal as it is now. */
    public Digests.Digest current() {
        long size = tree.size();
        return Digests.issue(ledger.value(), size, tree.root(size), clock.instant(), keys);
    }

    public Path file() {
        return file;
    }

    /**
     * The last digest of this ledger written to the file, if any: the one a verification holds the journal to.
     * Digests of other ledgers sharing the file are passed over.
     */
    public Optional<Digests.Digest> lastWritten() {
        try {
            return DigestFile.lastOf(file, ledger.value());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digest file " + file, e);
        }
    }

    synchronized void write(Digests.Digest digest) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(digest) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            lastSize = digest.treeSize();
            lastAt = clock.instant();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the digest file " + file, e);
        }
    }

    private void tick() {
        try {
            long size = tree.size();
            if (lastSize < 0) {
                lastSize = lastWritten().map(Digests.Digest::treeSize).orElse(0L);
                lastAt = clock.instant();
            }
            boolean grownEnough = size - lastSize >= everyEntries;
            boolean due = size > lastSize && !clock.instant().isBefore(lastAt.plus(every));
            if (grownEnough || due) {
                write(current());
            }
            if (failing) {
                failing = false;
                log.info("Journal digests are written again");
            }
        } catch (DataAccessException | UncheckedIOException e) {
            // Once per outage, not once a second: the database or the digest file is out of reach.
            if (!failing) {
                failing = true;
                log.warn("No journal digest can be written until this passes: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        schedule.shutdownNow();
    }
}
