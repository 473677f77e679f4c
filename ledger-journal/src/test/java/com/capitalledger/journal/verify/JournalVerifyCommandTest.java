package com.capitalledger.journal.verify;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.tree.MerkleTree;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier on a digest file that two ledgers share: each export is held to its own ledger's digests. */
class JournalVerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private final SigningKeys keys = SigningKeys.generate();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Path exportOfA;
    private Path digests;
    private Path publicKey;

    @BeforeEach
    void twoLedgersShareOneDigestFile() throws IOException {
        exportOfA = export("ledger-a", "A-0", "A-1");
        List<String> lines = new ArrayList<>();
        lines.add(JSON.writeValueAsString(digest("ledger-a", "A-0", "A-1")));
        lines.add(JSON.writeValueAsString(digest("ledger-b", "B-0", "B-1")));
        digests = Files.write(directory.resolve("digests.ndjson"), lines);
        publicKey = Files.writeString(directory.resolve("journal.pem"), SigningKeys.publicKeyPem(keys.publicKey()));
    }

    @Test
    void anExportIsHeldOnlyToTheDigestsOfTheLedgerNamed() {
        assertThat(run("--ledger-id", "ledger-a")).isEqualTo(0);
        assertThat(output()).contains("Ledger ledger-a (1 digests of other ledgers ignored)",
                "Digest of 2 entries", "Export: 2 entries checked", "OK:");
    }

    @Test
    void anExportHeldToAnotherLedgersDigestsIsAMismatch() {
        assertThat(run("--ledger-id", "ledger-b")).isEqualTo(1);
        assertThat(output()).contains("Ledger ledger-b (1 digests of other ledgers ignored)", "MISMATCH");
    }

    @Test
    void aFileNamingSeveralLedgersNeedsTheExportsLedgerNamed() {
        assertThat(run()).isEqualTo(2);
        assertThat(output()).contains("the digests name 2 ledgers (ledger-a, ledger-b): name the export's with "
                + "--ledger-id");
    }

    @Test
    void aLedgerWithoutADigestInTheFileIsBadInput() {
        assertThat(run("--ledger-id", "ledger-c")).isEqualTo(2);
        assertThat(output()).contains("no digest of ledger ledger-c in " + digests);
    }

    private int run(String... ledger) {
        List<String> args = new ArrayList<>(List.of("--export", exportOfA.toString(), "--digest", digests.toString(),
                "--public-key", publicKey.toString()));
        args.addAll(List.of(ledger));
        return JournalVerifyCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private Path export(String ledger, String... eventIds) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int seq = 0; seq < eventIds.length; seq++) {
            String entry = entry(eventIds[seq]);
            lines.add("{\"seq\":" + seq + ",\"leafHash\":\"" + HexFormat.of().formatHex(leaf(eventIds[seq]))
                    + "\",\"entry\":" + entry + "}");
        }
        return Files.write(directory.resolve(ledger + ".ndjson"), lines);
    }

    private Digests.Digest digest(String ledger, String first, String second) {
        byte[] root = MerkleTree.nodeHash(leaf(first), leaf(second));
        return Digests.issue(ledger, 2, root, Instant.parse("2026-12-01T00:00:00Z"), keys);
    }

    private static String entry(String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"kind\":\"EVENT\",\"programId\":\"P1\"}";
    }

    private static byte[] leaf(String eventId) {
        return MerkleTree.leafHash(entry(eventId).getBytes(StandardCharsets.UTF_8));
    }
}
