package com.capitalledger.api.journal;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.tree.Rfc9162;
import com.capitalledger.journal.verify.JournalVerifyCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifiable journal over HTTP, checked with tools that share no code with it: RFC 9162's tree and proofs as
 * {@link Rfc9162} writes them from the RFC, RFC 8785's reference canonicalizer, and Bouncy Castle's Ed25519. A journal
 * of just over 1,000 entries: a program, a phase, investors' commitments and refused commands. Its own database.
 */
@TestPropertySource(properties = "ledger.test.context=journal")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class JournalIT extends IntegrationTest {

    private static final String PROGRAM = "JRNL";
    private static final int COMMITMENTS = 995;
    private static final int REFUSALS = 5;
    /** The entry of an export line, as the bytes the line holds. */
    private static final Pattern ENTRY = Pattern.compile("\"entry\":(\\{.*})}$");

    private HttpClientSupport compliance;
    private long size;

    @BeforeAll
    void aJournalOfOverAThousandEntries() {
        compliance = http(TestUsers.COMPLIANCE);
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"JRNL","name":"Journal","currency":"USD","targetAmount":"100000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/programs/JRNL/phases", """
                {"phaseId":"P1","name":"Phase 1","budget":"1000000.00","currency":"USD","effectiveDate":"2025-01-01"}""")
                .statusCode()).isEqualTo(201);
        for (int i = 0; i < COMMITMENTS; i++) {
            assertThat(http().postJson("/api/v1/programs/JRNL/commitments", """
                    {"investorId":"I%04d","investorName":"Investor %d","amount":"%d.%02d","currency":"USD",
                     "effectiveDate":"2025-01-02"}""".formatted(i, i, 1000 + i, i % 100)).statusCode()).isEqualTo(201);
        }
        for (int i = 0; i < REFUSALS; i++) {
            HttpResponse<String> refused = http().postJson("/api/v1/programs/JRNL/tranches/NOPE/draws",
                    ("{\"drawId\":\"D%d\",\"amount\":\"10.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-03\","
                            + "\"reason\":\"refusal %d\"}").formatted(i, i));
            assertThat(json(refused).get("code").asText()).isEqualTo("UNKNOWN_TRANCHE");
        }
        size = 2 + COMMITMENTS + REFUSALS;
        Awaitility.await("the journal has every event").atMost(Duration.ofSeconds(60))
                .until(() -> json(compliance.get("/api/v1/journal/digest")).get("treeSize").asLong() == size);
    }

    @Test
    void everyEventAndEveryRefusalIsAnEntryOnceInADenseOrder() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(size);
        assertThat(jdbc.queryForList("SELECT seq FROM journal_entry ORDER BY seq", Long.class))
                .isEqualTo(java.util.stream.LongStream.range(0, size).boxed().toList());
        assertThat(jdbc.queryForList("SELECT event_identifier FROM journal_entry", String.class))
                .containsExactlyInAnyOrderElementsOf(
                        jdbc.queryForList("SELECT event_identifier FROM domain_event_entry", String.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_anomaly", Long.class)).as("every event sealed")
                .isZero();
    }

    @Test
    void aRefusalIsAnEntryWithItsCodeActorReasonCorrelationIdAndIdempotencyKey() {
        HttpResponse<String> refused = http().postJson("/api/v1/programs/JRNL/tranches/NOPE/draws",
                "{\"drawId\":\"DX\",\"amount\":\"12.34\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-03\","
                        + "\"reason\":\"checking the journal\"}",
                "X-Correlation-Id", "journal-refusal-1",
                "Idempotency-Key", "journal-refusal-key");
        assertThat(refused.statusCode()).isEqualTo(422);
        size++;
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> json(compliance.get("/api/v1/journal/digest")).get("treeSize").asLong() == size);

        List<String> lines = compliance.get("/api/v1/journal/export?from=" + (size - 1)).body().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode entry = parse(lines.get(0)).get("entry");
        assertThat(entry.get("kind").asText()).isEqualTo("REJECTION");
        assertThat(entry.get("type").asText()).isEqualTo("CommandRejected");
        assertThat(entry.get("programId").asText()).isEqualTo(PROGRAM);
        assertThat(entry.get("actor").asText()).isEqualTo("treasury");
        assertThat(entry.get("payload").get("code").asText()).isEqualTo("UNKNOWN_TRANCHE");
        assertThat(entry.get("payload").get("command").asText()).isEqualTo("DrawTranche");
        assertThat(entry.get("payload").get("amount").asText()).isEqualTo("12.34");
        assertThat(entry.get("metadata").get("reason").asText()).isEqualTo("checking the journal");
        assertThat(entry.get("metadata").get("correlationId").asText()).isEqualTo("journal-refusal-1");
        assertThat(entry.get("metadata").get("idempotencyKey").asText()).isEqualTo("journal-refusal-key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Long.class,
                "journal-refusal-key")).as("the key, kept with the refusal").isEqualTo(1);
    }

    @Test
    void theDigestIsSignedAndItsRootIsTheTreeOfTheExportedEntries() throws Exception {
        JsonNode digest = json(compliance.get("/api/v1/journal/digest"));
        byte[] publicKey = der(compliance.get("/api/v1/journal/public-key").body());
        Ed25519Signer verifier = new Ed25519Signer();
        AsymmetricKeyParameter key = PublicKeyFactory.createKey(publicKey);
        verifier.init(false, key);
        byte[] text = (digest.get("treeSize").asLong() + "|" + digest.get("rootHash").asText() + "|"
                + digest.get("issuedAt").asText()).getBytes(StandardCharsets.UTF_8);
        verifier.update(text, 0, text.length);
        assertThat(verifier.verifySignature(Base64.getDecoder().decode(digest.get("signature").asText())))
                .as("Bouncy Castle verifies the digest's signature").isTrue();
        assertThat(digest.get("algorithm").asText()).isEqualTo("Ed25519");

        List<byte[]> leaves = leaves(digest.get("treeSize").asLong());
        assertThat(HexFormat.of().formatHex(Rfc9162.mth(leaves))).isEqualTo(digest.get("rootHash").asText());
    }

    @Test
    void inclusionProofsOfEveryEntryAtSeveralTreeSizesVerifyIndependently() {
        List<byte[]> leaves = leaves(size);
        for (long treeSize : List.of(1L, 2L, 7L, 512L, 513L, 1000L, size)) {
            byte[] root = Rfc9162.mth(leaves.subList(0, (int) treeSize));
            for (long seq = 0; seq < treeSize; seq++) {
                JsonNode proof = json(compliance.get("/api/v1/journal/entries/" + seq + "/proof?treeSize=" + treeSize));
                assertThat(proof.get("leafIndex").asLong()).isEqualTo(seq);
                assertThat(proof.get("leafHash").asText()).isEqualTo(HexFormat.of().formatHex(leaves.get((int) seq)));
                assertThat(Rfc9162.verifyInclusion(seq, treeSize, leaves.get((int) seq), hashes(proof.get("auditPath")),
                        root)).as("entry %d in a tree of %d", seq, treeSize).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsBetweenManyTreeSizesVerifyIndependently() {
        List<byte[]> leaves = leaves(size);
        List<Long> sizes = List.of(1L, 2L, 3L, 4L, 5L, 8L, 13L, 100L, 511L, 512L, 513L, 999L, 1000L, size);
        for (long first : sizes) {
            for (long second : sizes) {
                if (second < first) {
                    continue;
                }
                JsonNode proof = json(compliance.get("/api/v1/journal/consistency?first=" + first + "&second=" + second));
                byte[] firstRoot = Rfc9162.mth(leaves.subList(0, (int) first));
                byte[] secondRoot = Rfc9162.mth(leaves.subList(0, (int) second));
                assertThat(proof.get("firstRootHash").asText()).isEqualTo(HexFormat.of().formatHex(firstRoot));
                assertThat(Rfc9162.verifyConsistency(first, second, firstRoot, secondRoot, hashes(proof.get("proof"))))
                        .as("%d → %d", first, second).isTrue();
            }
        }
    }

    @Test
    void proofsOutsideTheJournalAreRefusedWithTheParameterAtFault() {
        assertProblem(compliance.get("/api/v1/journal/entries/" + size + "/proof"), "seq");
        assertProblem(compliance.get("/api/v1/journal/entries/0/proof?treeSize=" + (size + 1)), "treeSize");
        assertProblem(compliance.get("/api/v1/journal/consistency?first=0&second=5"), "first");
        assertProblem(compliance.get("/api/v1/journal/consistency?first=6&second=5"), "first");
        assertProblem(compliance.get("/api/v1/journal/consistency?first=1&second=" + (size + 1)), "second");
        assertProblem(compliance.get("/api/v1/journal/export?from=5&to=4"), "to");
        assertProblem(compliance.get("/api/v1/journal/entries/3/proof?treeSize=0"), "treeSize");
        assertThat(json(compliance.get("/api/v1/journal/entries/-1/proof?treeSize=5")).get("detail").asText())
                .isEqualTo("seq must be an entry of the tree: between 0 and 4");
        assertThat(json(compliance.get("/api/v1/journal/consistency?first=6&second=5")).get("detail").asText())
                .isEqualTo("first must be between 1 and second (5)");
        assertThat(http(TestUsers.ANALYST).get("/api/v1/journal/digest").statusCode()).isEqualTo(403);
    }

    @Test
    void verificationFindsNothingOnAnUntouchedJournal() {
        HttpResponse<String> verified = compliance.postJson("/api/v1/journal/verify", "");

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode report = json(verified);
        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("mismatches").asLong()).isZero();
        assertThat(report.get("firstMismatch").isNull()).isTrue();
        assertThat(report.get("entriesChecked").asLong()).isEqualTo(size);
        assertThat(report.get("rootHash").asText()).isEqualTo(HexFormat.of().formatHex(Rfc9162.mth(leaves(size))));
        JsonNode again = json(compliance.get("/api/v1/journal/verifications/" + report.get("id").asText()));
        assertThat(again.get("rootHash").asText()).isEqualTo(report.get("rootHash").asText());
    }

    @Test
    void theOfflineVerifierAcceptsTheExportWithTheDigestAndThePublicKey(@TempDir Path files) throws IOException {
        String digest = compliance.get("/api/v1/journal/digest").body();
        Files.writeString(files.resolve("digest.json"), digest);
        Files.writeString(files.resolve("journal.pem"), compliance.get("/api/v1/journal/public-key").body());
        Files.writeString(files.resolve("journal.ndjson"), compliance.get("/api/v1/journal/export").body());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = JournalVerifyCommand.run(List.of("--export", files.resolve("journal.ndjson").toString(),
                "--digest", files.resolve("digest.json").toString(), "--public-key",
                files.resolve("journal.pem").toString()), new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("signature valid").contains("  OK: ");
        assertThat(status).isZero();

        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertThat(JournalVerifyCommand.run(List.of("--export", files.resolve("none.ndjson").toString(), "--digest",
                files.resolve("digest.json").toString(), "--public-key", files.resolve("journal.pem").toString()),
                new PrintStream(missing, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(missing.toString(StandardCharsets.UTF_8)).contains("cannot verify: no such file "
                + files.resolve("none.ndjson"));
    }

    @Test
    void theAuditTrailShowsEachEntrysSeqAndARebuildRestoresTheRefusals() {
        List<JsonNode> before = auditEntries();
        assertThat(before).filteredOn(entry -> entry.get("outcome").asText().equals("REJECTED"))
                .hasSizeGreaterThanOrEqualTo(REFUSALS);
        for (JsonNode entry : before) {
            assertThat(entry.get("seq").asLong()).isEqualTo(jdbc.queryForObject(
                    "SELECT seq FROM journal_entry WHERE event_identifier = ?", Long.class,
                    entry.get("entryId").asText()));
        }

        assertThat(http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/audit-trail/rebuild", "").statusCode())
                .isEqualTo(202);
        Awaitility.await("the audit trail rebuilt").atMost(Duration.ofSeconds(30)).until(() -> json(
                http(TestUsers.ADMIN).get("/api/v1/admin/read-models/audit-trail")).get("state").asText().equals("LIVE"));
        awaitReadModels();

        assertThat(auditEntries()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    }

    private List<JsonNode> auditEntries() {
        List<JsonNode> entries = new ArrayList<>();
        for (String cursor = ""; cursor != null; ) {
            HttpResponse<String> page = compliance.get("/api/v1/audit/entries?programId=JRNL&limit=500"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            json(page).get("entries").forEach(entries::add);
            cursor = json(page).get("nextCursor").isNull() ? null : json(page).get("nextCursor").asText();
        }
        return entries;
    }

    /** The leaf hashes of the first {@code count} entries, from the exported bytes alone. */
    private List<byte[]> leaves(long count) {
        List<byte[]> leaves = new ArrayList<>();
        for (String line : compliance.get("/api/v1/journal/export?to=" + count).body().lines().toList()) {
            Matcher entry = ENTRY.matcher(line);
            assertThat(entry.find()).as(line).isTrue();
            byte[] bytes = entry.group(1).getBytes(StandardCharsets.UTF_8);
            try {
                assertThat(new JsonCanonicalizer(entry.group(1)).getEncodedString()).as("canonical")
                        .isEqualTo(entry.group(1));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            byte[] leaf = Rfc9162.leaf(bytes);
            assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(parse(line).get("leafHash").asText());
            leaves.add(leaf);
        }
        assertThat(leaves).hasSize((int) count);
        return leaves;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HexFormat.of().parseHex(hash.asText())));
        return hashes;
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static void assertProblem(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(json(response).get("detail").asText()).startsWith(parameter);
    }
}
