package com.capitalledger.journal.digest;

import com.capitalledger.journal.keys.SigningKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DigestFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SigningKeys keys = SigningKeys.generate();

    private Digests.Digest digest(String ledger, long size) {
        return Digests.issue(ledger, size, new byte[32], Instant.parse("2026-01-01T00:00:00Z").plusSeconds(size), keys);
    }

    @Test
    void theLastDigestOfALedgerIsFoundBehindAnotherLedgersDigests(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("digests.ndjson");
        List<String> lines = new ArrayList<>();
        lines.add(JSON.writeValueAsString(digest("a", 1)));
        lines.add(JSON.writeValueAsString(digest("a", 2)));
        // More than a read block of the other ledger's digests after it, and a blank line.
        for (int i = 0; i < 100; i++) {
            lines.add(JSON.writeValueAsString(digest("b", 10 + i)));
        }
        lines.add("");
        Files.write(file, lines);

        assertThat(DigestFile.lastOf(file, "a")).contains(digest("a", 2));
        assertThat(DigestFile.lastOf(file, "b")).contains(digest("b", 109));
        assertThat(DigestFile.lastOf(file, "c")).isEmpty();
        assertThat(DigestFile.lastOf(directory.resolve("none.ndjson"), "a")).isEmpty();
    }

    @Test
    void aDigestWrittenBeforeDigestsNamedTheirLedgerBelongsToNoLedger(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("digests.ndjson");
        Files.writeString(file, "{\"treeSize\":3,\"rootHash\":\"00\",\"issuedAt\":\"2026-01-01T00:00:00Z\","
                + "\"algorithm\":\"Ed25519\",\"keyId\":\"k\",\"signature\":\"s\"}\n");

        assertThat(DigestFile.lastOf(file, "a")).isEmpty();
        assertThat(Digests.parse(Files.readString(file)).ledgerId()).isNull();
    }
}
