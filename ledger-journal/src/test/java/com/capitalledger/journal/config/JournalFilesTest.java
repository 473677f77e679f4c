package com.capitalledger.journal.config;

import com.capitalledger.journal.store.LedgerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JournalFilesTest {

    private static final LedgerId LEDGER = new LedgerId("5b0e4c1a-4f0e-4b7c-9d2a-1d5e6f7a8b9c");

    private static JournalProperties properties(Path digestFile, Path directory) {
        return new JournalProperties(null, null, digestFile, directory, Duration.ofMinutes(1), 10L);
    }

    @Test
    void outsideTheEmbeddedDefaultDigestsGoUnderTheUsersHomePerLedgerNeverTheWorkingDirectory(@TempDir Path home) {
        Path file = JournalFiles.digestFile(properties(null, null), null, LEDGER, home);

        assertThat(file).isEqualTo(home.resolve(".capital-ledger/journal/" + LEDGER.value() + "/digests.ndjson"));
        assertThat(file.getParent()).as("made when the first digest is written").doesNotExist();
        assertThat(file.startsWith(Path.of("").toAbsolutePath())).as("under the working directory").isFalse();
        assertThat(JournalFiles.keyFile(properties(null, null), null)).as("the key is configured there").isNull();
    }

    @Test
    void onTheEmbeddedDefaultKeyAndDigestsAreBesideTheData(@TempDir Path data) {
        EmbeddedJournal embedded = new EmbeddedJournal(data);

        assertThat(JournalFiles.digestFile(properties(null, null), embedded, LEDGER, data.resolve("home")))
                .isEqualTo(data.resolve("journal-digests.ndjson"));
        assertThat(JournalFiles.keyFile(properties(null, null), embedded)).isEqualTo(data.resolve(
                "journal-signing-key.pem"));
    }

    @Test
    void aThrowAwayDatabaseGetsAThrowAwayDigestFileOutsideTheWorkingDirectory(@TempDir Path home) {
        Path file = JournalFiles.digestFile(properties(null, null), EmbeddedJournal.throwAway(), LEDGER, home);

        assertThat(file.startsWith(Path.of("").toAbsolutePath())).as("under the working directory").isFalse();
        assertThat(file.startsWith(home)).as("under the user's home").isFalse();
        assertThat(JournalFiles.keyFile(properties(null, null), EmbeddedJournal.throwAway())).isNull();
    }

    @Test
    void theConfiguredPathsWin(@TempDir Path somewhere) {
        Path configured = somewhere.resolve("digests.ndjson");

        assertThat(JournalFiles.digestFile(properties(configured, somewhere.resolve("dir")),
                new EmbeddedJournal(somewhere), LEDGER, somewhere)).isEqualTo(configured);
        assertThat(JournalFiles.digestFile(properties(null, somewhere.resolve("dir")), null, LEDGER, somewhere))
                .isEqualTo(somewhere.resolve("dir/journal-digests.ndjson"));
    }
}
