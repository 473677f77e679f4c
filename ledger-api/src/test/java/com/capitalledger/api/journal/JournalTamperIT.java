package com.capitalledger.api.journal;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.tree.Rfc9162;
import com.capitalledger.journal.verify.JournalVerifyCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the journal as a database superuser would: the append-only triggers disabled, rows changed, deleted,
 * inserted or swapped behind the service's back. Each is found and located by {@code POST /api/v1/journal/verify}
 * and by the offline verifier, and a digest signed before it no longer matches: the tree recomputed from what the
 * store now holds fails the consistency proof from that digest (checked with {@link Rfc9162}, not the service's code).
 * After each, the store is put back as it was and verifies clean again.
 */
@TestPropertySource(properties = {"ledger.test.context=journal-tamper", "ledger.journal.digest-every=PT1S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class JournalTamperIT extends IntegrationTest {

    private static final Pattern ENTRY = Pattern.compile("\"entry\":(\\{.*})}$");
    private static final String OTHER_TRIGGERS = "ALTER TABLE %s %s TRIGGER USER";

    @Autowired
    JournalDigests digests;

    private HttpClientSupport compliance;
    private long size;
    /** What an auditor kept before the tampering: a signed digest of the whole journal. */
    private String digestBefore;
    private String publicKey;

    @BeforeAll
    void aJournalAndADigestOfIt() {
        compliance = http(TestUsers.COMPLIANCE);
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"TAMP","name":"Tamper","currency":"USD","targetAmount":"100000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        for (int i = 0; i < 20; i++) {
            assertThat(http().postJson("/api/v1/programs/TAMP/commitments", """
                    {"investorId":"I%02d","investorName":"Investor %d","amount":"%d.00","currency":"USD",
                     "effectiveDate":"2025-01-02"}""".formatted(i, i, 1000 + i)).statusCode()).isEqualTo(201);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(json(http().postJson("/api/v1/programs/TAMP/tranches/NOPE/draws",
                    "{\"drawId\":\"D%d\",\"amount\":\"10.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-03\"}"
                            .formatted(i))).get("code").asText()).isEqualTo("UNKNOWN_TRANCHE");
        }
        size = 24;
        Awaitility.await("the digest file holds a digest of the whole journal").atMost(Duration.ofSeconds(60))
                .until(() -> digests.lastWritten().map(digest -> digest.treeSize() == size).orElse(false));
        digestBefore = compliance.get("/api/v1/journal/digest").body();
        publicKey = compliance.get("/api/v1/journal/public-key").body();
        assertThat(json(compliance.postJson("/api/v1/journal/verify", "")).get("ok").asBoolean()).isTrue();
        superuser("CREATE TABLE tamper_events AS SELECT * FROM domain_event_entry",
                "CREATE TABLE tamper_entries AS SELECT * FROM journal_entry",
                "CREATE TABLE tamper_nodes AS SELECT * FROM journal_node");
    }

    @AfterEach
    void restoreAndVerifyClean() {
        superuser(disable("domain_event_entry"), disable("journal_entry"), disable("journal_node"),
                "DELETE FROM domain_event_entry", "INSERT INTO domain_event_entry SELECT * FROM tamper_events",
                "DELETE FROM journal_entry", "INSERT INTO journal_entry SELECT * FROM tamper_entries",
                "DELETE FROM journal_node", "INSERT INTO journal_node SELECT * FROM tamper_nodes",
                "DELETE FROM journal_anomaly",
                enable("domain_event_entry"), enable("journal_entry"), enable("journal_node"));
        JsonNode report = verify();
        assertThat(report.get("ok").asBoolean()).as("restored: %s", report).isTrue();
    }

    @Test
    void changingOneEventsPayloadIsFoundAtItsEntry(@TempDir Path files) throws IOException {
        String event = eventOf(5);
        superuser(disable("domain_event_entry"), "UPDATE domain_event_entry SET payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '1004.00', '9004.00'), 'UTF8') WHERE event_identifier = '" + event
                + "'", enable("domain_event_entry"));

        assertFoundAt(5, event, "changed after it was journaled", files);
        assertDigestBeforeNoLongerMatches();
    }

    @Test
    void deletingAnEventIsFoundAtItsEntry(@TempDir Path files) throws IOException {
        String event = eventOf(9);
        superuser(disable("domain_event_entry"), "DELETE FROM domain_event_entry WHERE event_identifier = '" + event
                + "'", enable("domain_event_entry"));

        assertFoundAt(9, event, "no longer holds this entry's event", files);
        assertDigestBeforeNoLongerMatches();
    }

    @Test
    void swappingTwoEventsPayloadsIsFoundAtTheFirstOfThem(@TempDir Path files) throws IOException {
        String first = eventOf(3);
        String second = eventOf(12);
        superuser(disable("domain_event_entry"), "UPDATE domain_event_entry e SET payload = o.payload "
                + "FROM tamper_events o WHERE (e.event_identifier, o.event_identifier) IN (('" + first + "', '" + second
                + "'), ('" + second + "', '" + first + "'))", enable("domain_event_entry"));

        JsonNode report = assertFoundAt(3, first, "changed after it was journaled", files);
        assertThat(report.get("mismatches").asLong()).as("both entries").isEqualTo(2);
        assertDigestBeforeNoLongerMatches();
    }

    @Test
    void changingARefusalIsFoundAtItsEntry(@TempDir Path files) throws IOException {
        long seq = size - 2;
        String refusal = eventOf(seq);
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry WHERE event_identifier = ?",
                String.class, refusal)).endsWith("CommandRejected");
        superuser(disable("domain_event_entry"), "UPDATE domain_event_entry SET payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), 'UNKNOWN_TRANCHE', 'INSUFFICIENT_FUNDS'), 'UTF8') "
                + "WHERE event_identifier = '" + refusal + "'", enable("domain_event_entry"));

        assertFoundAt(seq, refusal, "changed after it was journaled", files);
        assertDigestBeforeNoLongerMatches();
    }

    @Test
    void aForgedEventIsRefusedByTheJournalAndReported(@TempDir Path files) throws IOException {
        // A copy of a real commitment, as the program's next event: everything right but the seal it cannot make.
        superuser(disable("domain_event_entry"), "INSERT INTO domain_event_entry (global_index, event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) SELECT nextval('domain_event_global_index_seq'), 'forged-event', "
                + "aggregate_identifier, (SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE type = e.type "
                + "AND aggregate_identifier = e.aggregate_identifier), type, time_stamp, payload_type, "
                + "payload_revision, convert_to(replace(convert_from(payload, 'UTF8'), 'I04', 'I99'), 'UTF8'), "
                + "meta_data FROM domain_event_entry e WHERE event_identifier = '" + eventOf(5) + "'",
                enable("domain_event_entry"));
        Awaitility.await("the journal has seen the forged event").atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM journal_anomaly", Long.class) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class)).as("not journaled")
                .isEqualTo(size);

        JsonNode mismatch = verify().get("firstMismatch");
        assertThat(mismatch.get("seq").isNull()).as("outside the journal").isTrue();
        assertThat(mismatch.get("eventId").asText()).isEqualTo("forged-event");
        assertThat(mismatch.get("programId").asText()).isEqualTo("TAMP");
        assertThat(mismatch.get("reason").asText()).contains("the journal refused this event");
        String output = offline(files, 1);
        assertThat(output).contains("event forged-event").contains("inserted behind the ledger's back");
        // The ledger never signs a tree with it: every digest, before or after, is of the journal without it.
        List<byte[]> held = leaves(compliance.get("/api/v1/journal/export").body(), true);
        assertThat(held).hasSize((int) size + 1);
        JsonNode now = json(compliance.get("/api/v1/journal/digest"));
        assertThat(now.get("treeSize").asLong()).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(Rfc9162.mth(held))).isNotEqualTo(now.get("rootHash").asText());
    }

    @Test
    void rewritingTheJournalToMatchAChangedEventIsCaughtByTheSealAndTheDigestFile(@TempDir Path files)
            throws IOException {
        String event = eventOf(7);
        superuser(disable("domain_event_entry"), "UPDATE domain_event_entry SET payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '1006.00', '9006.00'), 'UTF8') WHERE event_identifier = '" + event
                + "'", enable("domain_event_entry"));
        // The attacker recomputes the leaf and every subtree over it, so that the journal hashes to itself again.
        List<byte[]> leaves = leaves(compliance.get("/api/v1/journal/export").body(), false);
        List<String> rewrite = new ArrayList<>(List.of(disable("journal_entry"), disable("journal_node"),
                "UPDATE journal_entry SET leaf_hash = '\\x" + HexFormat.of().formatHex(leaves.get(7))
                        + "' WHERE seq = 7"));
        for (int level = 1; (1L << level) <= size; level++) {
            for (long index = 0; (index + 1) << level <= size; index++) {
                byte[] hash = Rfc9162.mth(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
                rewrite.add("UPDATE journal_node SET hash = '\\x" + HexFormat.of().formatHex(hash) + "' WHERE level = "
                        + level + " AND idx = " + index);
            }
        }
        rewrite.add(enable("journal_entry"));
        rewrite.add(enable("journal_node"));
        superuser(rewrite.toArray(String[]::new));
        assertThat(json(compliance.get("/api/v1/journal/digest")).get("rootHash").asText())
                .as("the journal now hashes to the rewritten tree").isEqualTo(HexFormat.of().formatHex(
                        Rfc9162.mth(leaves)));

        JsonNode report = verify();
        assertThat(report.get("firstMismatch").get("seq").asLong()).isEqualTo(7);
        assertThat(report.get("firstMismatch").get("eventId").asText()).isEqualTo(event);
        assertThat(report.get("firstMismatch").get("reason").asText()).contains("carries no valid seal");
        assertThat(report.get("mismatches").asLong()).as("the seal, and the root of the digest file's last digest")
                .isEqualTo(2);
        // Offline, without the seal key: the export hashes to itself, but not to the digest signed before.
        String output = offline(files, 1);
        assertThat(output).contains("MISMATCH").contains("no longer hash to the root of the digest");
        assertDigestBeforeNoLongerMatches();
    }

    @Test
    void aStoredSubtreeChangedOrRemovedIsFoundWithTheEntriesItSpans() {
        superuser(disable("journal_node"), "UPDATE journal_node SET hash = sha256(hash) WHERE level = 2 AND idx = 1",
                enable("journal_node"));
        JsonNode changed = verify().get("firstMismatch");
        assertThat(changed.get("seq").asLong()).isEqualTo(4);
        assertThat(changed.get("reason").asText())
                .isEqualTo("the stored subtree over entries 4 to 7 does not hash to its entries: it was changed");

        superuser(disable("journal_node"), "DELETE FROM journal_node WHERE level = 3 AND idx = 1", enable("journal_node"));
        assertThat(verify().get("mismatches").asLong()).as("the changed one and the removed one").isEqualTo(2);
    }

    @Test
    void theNodesDigestFileAndADigestFetchedNowAllHoldTheUntouchedExport(@TempDir Path files) throws IOException {
        String digestFile = Files.readString(digests.file());
        String fetched = compliance.get("/api/v1/journal/digest").body();
        Files.writeString(files.resolve("digests.ndjson"), digestFile + fetched + "\n");
        Files.writeString(files.resolve("journal.pem"), publicKey);
        Files.writeString(files.resolve("journal.ndjson"), compliance.get("/api/v1/journal/export").body());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = JournalVerifyCommand.run(List.of("--export", files.resolve("journal.ndjson").toString(),
                "--digest", files.resolve("digests.ndjson").toString(), "--public-key",
                files.resolve("journal.pem").toString()), new PrintStream(output, true, StandardCharsets.UTF_8));

        String text = output.toString(StandardCharsets.UTF_8);
        long held = (digestFile + fetched).lines().filter(line -> !line.isBlank()).count();
        assertThat(held).isGreaterThanOrEqualTo(2);
        assertThat(text.lines().filter(line -> line.endsWith(": signature valid"))).hasSize((int) held);
        assertThat(text).contains("  OK: ");
        assertThat(status).as(text).isZero();
    }

    /** Verify, online and offline, finds the first mismatch at this entry. */
    private JsonNode assertFoundAt(long seq, String eventId, String reason, Path files) throws IOException {
        JsonNode report = verify();
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode mismatch = report.get("firstMismatch");
        assertThat(mismatch.get("seq").asLong()).as(report.toString()).isEqualTo(seq);
        assertThat(mismatch.get("eventId").asText()).isEqualTo(eventId);
        assertThat(mismatch.get("reason").asText()).contains(reason);
        if (!reason.contains("no longer holds")) {
            assertThat(mismatch.get("programId").asText()).isEqualTo("TAMP");
        }
        String output = offline(files, 1);
        assertThat(output).contains("first at seq " + seq + ", ").contains("event " + eventId).contains(reason);
        return report;
    }

    /**
     * The digest kept from before: the first treeSize entries recomputed from the export no longer hash to its root,
     * and the consistency proof from it to the tree recomputed from the store fails.
     */
    private void assertDigestBeforeNoLongerMatches() {
        JsonNode before = parse(digestBefore);
        long first = before.get("treeSize").asLong();
        byte[] firstRoot = HexFormat.of().parseHex(before.get("rootHash").asText());
        List<byte[]> now = leaves(compliance.get("/api/v1/journal/export").body(), false);
        assertThat(Rfc9162.mth(now.subList(0, (int) Math.min(first, now.size())))).isNotEqualTo(firstRoot);
        JsonNode proof = json(compliance.get("/api/v1/journal/consistency?first=" + first + "&second=" + size));
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asText())));
        assertThat(Rfc9162.verifyConsistency(first, now.size(), firstRoot, Rfc9162.mth(now), path)).isFalse();
    }

    private String offline(Path files, int expectedStatus) throws IOException {
        Files.writeString(files.resolve("digest.json"), digestBefore);
        Files.writeString(files.resolve("journal.pem"), publicKey);
        Files.writeString(files.resolve("journal.ndjson"), compliance.get("/api/v1/journal/export").body());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = JournalVerifyCommand.run(List.of("--export", files.resolve("journal.ndjson").toString(),
                "--digest", files.resolve("digest.json").toString(), "--public-key",
                files.resolve("journal.pem").toString()), new PrintStream(output, true, StandardCharsets.UTF_8));
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("signature valid");
        assertThat(status).as(text).isEqualTo(expectedStatus);
        return text;
    }

    private JsonNode verify() {
        HttpResponse<String> verified = compliance.postJson("/api/v1/journal/verify", "");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return json(verified);
    }

    private String eventOf(long seq) {
        return jdbc.queryForObject("SELECT event_identifier FROM tamper_entries WHERE seq = ?", String.class, seq);
    }

    /** Leaf hashes of the entries an export holds, recomputed from their bytes (lines without an entry skipped). */
    private static List<byte[]> leaves(String export, boolean withUnjournaled) {
        List<byte[]> leaves = new ArrayList<>();
        for (String line : export.lines().toList()) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.find() && (withUnjournaled || !line.startsWith("{\"seq\":null"))) {
                leaves.add(Rfc9162.leaf(entry.group(1).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return leaves;
    }

    private static String disable(String table) {
        return OTHER_TRIGGERS.formatted(table, "DISABLE");
    }

    private static String enable(String table) {
        return OTHER_TRIGGERS.formatted(table, "ENABLE");
    }

    /** Statements run in one transaction, as a superuser at the database would. */
    private void superuser(String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (RuntimeException | java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
