package com.capitalledger.api.journal;

import com.capitalledger.api.config.EmbeddedPostgresProperties;
import com.capitalledger.projections.journal.Digests;
import com.capitalledger.projections.journal.JournalTree;
import com.capitalledger.projections.journal.OfflineVerifier;
import com.capitalledger.projections.journal.SigningKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signed digests of the journal: issued on request, and appended to the digest file (outside the database) whenever
 * the journal has grown by {@code ledger.journal.digest-every-entries} entries, or has grown at all and
 * {@code ledger.journal.digest-every} has passed. Each node writes its own file; the last digest in it is what a
 * verification holds the journal to.
 */
@Component
public class JournalDigests {

    private static final Logger log = LoggerFactory.getLogger(JournalDigests.class);

    private final JournalTree tree;
    private final SigningKeys keys;
    private final Clock clock;
    private final ObjectMapper json;
    private final Path file;
    private final JournalProperties properties;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "journal-digests");
        thread.setDaemon(true);
        return thread;
    });
    private long lastSize = -1;
    private boolean failing;
    private Instant lastAt;

    public JournalDigests(JournalTree tree, SigningKeys keys, Clock clock, ObjectMapper json,
                          JournalProperties properties, ObjectProvider<EmbeddedPostgresProperties> embedded) {
        this.tree = tree;
        this.keys = keys;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        this.file = file(properties, embedded.getIfAvailable());
        log.info("Journal digests are written to {}", file);
        schedule.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private static Path file(JournalProperties properties, EmbeddedPostgresProperties embedded) {
        if (properties.digestFile() != null) {
            return properties.digestFile().toAbsolutePath();
        }
        if (embedded == null) {
            return Path.of("journal-digests.ndjson").toAbsolutePath();
        }
        if (!embedded.ephemeral()) {
            return embedded.dataDirectory().toAbsolutePath().resolveSibling("journal-digests.ndjson");
        }
        try {
            Path temporary = Files.createTempFile("journal-digests", ".ndjson");
            temporary.toFile().deleteOnExit();
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of the journal as it is now. */
    public Digests.Digest current() {
        long size = tree.size();
        return Digests.issue(size, tree.root(size), clock.instant(), keys);
    }

    public Path file() {
        return file;
    }

    /** The last digest written to the file, if any: the one a verification holds the journal to. */
    public Optional<Digests.Digest> lastWritten() {
        try {
            String line = lastLine(file);
            return line == null ? Optional.empty() : Optional.of(OfflineVerifier.digest(line));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digest file " + file, e);
        }
    }

    synchronized void write(Digests.Digest digest) {
        try {
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
            boolean grownEnough = size - lastSize >= properties.digestEveryEntries();
            boolean due = size > lastSize && !clock.instant().isBefore(lastAt.plus(properties.digestEvery()));
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

    private static String lastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            while (end > 0) {
                in.seek(end - 1);
                if (in.read() != '\n') {
                    break;
                }
                end--;
            }
            long start = end;
            while (start > 0) {
                in.seek(start - 1);
                if (in.read() == '\n') {
                    break;
                }
                start--;
            }
            if (end == start) {
                return null;
            }
            byte[] line = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(line);
            return new String(line, StandardCharsets.UTF_8);
        }
    }
}
