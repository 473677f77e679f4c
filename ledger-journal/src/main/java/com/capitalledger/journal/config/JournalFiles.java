package com.capitalledger.journal.config;

import com.capitalledger.journal.store.LedgerId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the journal's key and digest files are when not configured one by one (see {@link JournalProperties}). */
final class JournalFiles {

    static final String KEY_FILE = "journal-signing-key.pem";
    static final String DIGEST_FILE = "journal-digests.ndjson";

    private JournalFiles() {
    }

    /** The key file, or null: a throw-away key on a throw-away database, or no key configured elsewhere. */
    static Path keyFile(JournalProperties properties, EmbeddedJournal embedded) {
        if (properties.signingKeyFile() != null) {
            return properties.signingKeyFile();
        }
        Path directory = directory(properties, embedded);
        return embedded == null || directory == null ? null : directory.resolve(KEY_FILE);
    }

    /**
     * The digest file: as configured, else in the journal's directory, else (a throw-away embedded database) a
     * temporary file, else under the user's home, per ledger. Never the working directory: ledgers started there would
     * share it.
     */
    static Path digestFile(JournalProperties properties, EmbeddedJournal embedded, LedgerId ledger, Path userHome) {
        if (properties.digestFile() != null) {
            return properties.digestFile().toAbsolutePath();
        }
        Path directory = directory(properties, embedded);
        try {
            if (directory != null) {
                Files.createDirectories(directory);
                return directory.resolve(DIGEST_FILE);
            }
            if (embedded != null) {
                Path temporary = Files.createTempFile("journal-digests", ".ndjson");
                temporary.toFile().deleteOnExit();
                return temporary;
            }
            // Made when the first digest is written, so a service that never writes one leaves nothing behind.
            return userHome.toAbsolutePath().resolve(".capital-ledger").resolve("journal").resolve(ledger.value())
                    .resolve("digests.ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a place for the journal's digests", e);
        }
    }

    private static Path directory(JournalProperties properties, EmbeddedJournal embedded) {
        Path directory = properties.directory() != null ? properties.directory()
                : embedded == null ? null : embedded.directory();
        return directory == null ? null : directory.toAbsolutePath();
    }
}
