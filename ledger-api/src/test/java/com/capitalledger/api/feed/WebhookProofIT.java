package com.capitalledger.api.feed;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.tree.Rfc9162;
import com.fasterxml.jackson.databind.JsonNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code examples/webhook-consumer} does in Node.js, in the build: every delivery verified with the Standard
 * Webhooks reference library ({@link WebhookReceiver}), then proven against the journal as that example's README tells
 * a consumer to: the exported entry at the event's {@code seq} (the same event id, its payload the event's
 * {@code data}), its leaf hash, the inclusion proof in the tree of a signed digest, and the digest's Ed25519
 * signature. The tree is checked with {@link Rfc9162} and the signature with the JDK, never with the ledger's code.
 * It runs in the shared default context: the default delivery settings deliver within seconds, and the test removes
 * its subscription afterwards.
 */
class WebhookProofIT extends IntegrationTest {

    private static final String PROGRAM = "WEBHOOK-PROOF";

    private WebhookReceiver receiver;
    private String subscriptionId;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void unsubscribe() {
        if (subscriptionId != null) {
            assertThat(http(TestUsers.ADMIN).delete("/api/v1/subscriptions/" + subscriptionId).statusCode())
                    .isEqualTo(204);
        }
        receiver.close();
    }

    @Test
    void everyDeliveredEventIsSignedAndProvenToBeInTheSignedJournal() throws Exception {
        long from = jdbc.queryForObject("SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry", Long.class);
        HttpResponse<String> created = http(TestUsers.ADMIN).postJson("/api/v1/subscriptions",
                "{\"url\":\"" + receiver.url("/hook") + "\",\"programId\":\"" + PROGRAM + "\",\"fromSeq\":" + from
                        + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        subscriptionId = json(created).get("subscriptionId").asText();
        receiver.trust(json(created).get("secret").asText());

        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"WEBHOOK-PROOF","name":"Proofs","currency":"USD","targetAmount":"1000000.00",
                 "maxDebtPct":"80","effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/programs/WEBHOOK-PROOF/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"999999999999999.99","currency":"USD",
                 "effectiveDate":"2025-01-02"}""").statusCode()).isEqualTo(201);
        HttpResponse<String> refused = http().postJson("/api/v1/programs/WEBHOOK-PROOF/tranches/NOPE/draws", """
                {"drawId":"D1","amount":"10.00","currency":"USD","effectiveDate":"2025-01-03","reason":"no tranche"}""");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("code").asText()).isEqualTo("UNKNOWN_TRANCHE");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().size() == 3);
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).extracting(r -> parse(r.body()).get("type").asText()).containsExactly(
                "com.capitalledger.ProgramCreated.v1", "com.capitalledger.EquityCommitted.v1",
                "com.capitalledger.CommandRejected.v1");
        assertThat(received).extracting(WebhookReceiver.Received::seq).isSorted()
                .allSatisfy(seq -> assertThat(seq).isGreaterThanOrEqualTo(from));
        assertThat(received).allSatisfy(r -> {
            assertThat(r.verified()).as("Standard Webhooks signature of seq " + r.seq()).isTrue();
            assertThat(r.webhookId()).isEqualTo(r.eventId());
        });
        for (WebhookReceiver.Received delivery : received) {
            prove(parse(delivery.body()));
        }
        // A double would be 1e15: the delivered data holds every digit, as the entry does.
        assertThat(parse(received.get(1).body()).at("/data/amount/amount").asText()).isEqualTo("999999999999999.99");
    }

    /** The journal's proof of one delivered event, checked step by step as a consumer would. */
    private void prove(JsonNode event) throws Exception {
        HttpClientSupport compliance = http(TestUsers.COMPLIANCE);
        long seq = event.get("seq").asLong();

        // 1. The entry at seq as the export serves it; its bytes are the line's entry value, exactly as written.
        String line = compliance.get("/api/v1/journal/export?from=" + seq + "&to=" + (seq + 1)).body().strip();
        int at = line.indexOf(",\"entry\":");
        assertThat(at).as(line).isPositive();
        String entryText = line.substring(at + ",\"entry\":".length(), line.length() - 1);
        JsonNode entry = parse(entryText);
        assertThat(entry.get("eventId").asText()).isEqualTo(event.get("id").asText());
        assertThat(canonical(event.get("data"))).as("data is the entry's payload").isEqualTo(
                canonical(entry.get("payload")));

        // 2. Its leaf hash, computed here, not taken from the ledger.
        byte[] leaf = Rfc9162.leaf(entryText.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(parse(line).get("leafHash").asText());

        // 3. A digest of the journal as it is now, and the audit path from the leaf to its root.
        JsonNode digest = json(compliance.get("/api/v1/journal/digest"));
        long treeSize = digest.get("treeSize").asLong();
        assertThat(treeSize).isGreaterThan(seq);
        byte[] root = HexFormat.of().parseHex(digest.get("rootHash").asText());
        JsonNode proof = json(compliance.get("/api/v1/journal/entries/" + seq + "/proof?treeSize=" + treeSize));
        List<byte[]> auditPath = new ArrayList<>();
        proof.get("auditPath").forEach(hash -> auditPath.add(HexFormat.of().parseHex(hash.asText())));
        assertThat(Rfc9162.verifyInclusion(seq, treeSize, leaf, auditPath, root))
                .as("seq %d in the digest's tree of %d", seq, treeSize).isTrue();
        byte[] otherLeaf = Rfc9162.leaf(entryText.replace(event.get("id").asText(), "forged")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Rfc9162.verifyInclusion(seq, treeSize, otherLeaf, auditPath, root))
                .as("another entry is not proven by this path").isFalse();

        // 4. The digest's signature: Ed25519 over treeSize|rootHash|issuedAt, with the journal's public key.
        String signed = treeSize + "|" + digest.get("rootHash").asText() + "|" + digest.get("issuedAt").asText();
        byte[] signature = Base64.getDecoder().decode(digest.get("signature").asText());
        PublicKey key = publicKey(compliance.get("/api/v1/journal/public-key").body());
        assertThat(digest.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(ed25519(key, signed, signature)).as("the digest's signature").isTrue();
        assertThat(ed25519(key, (treeSize + 1) + signed.substring(signed.indexOf('|')), signature))
                .as("the signature covers the tree size").isFalse();
    }

    private static String canonical(JsonNode json) throws Exception {
        return new JsonCanonicalizer(json.toString()).getEncodedString();
    }

    private static PublicKey publicKey(String pem) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private static boolean ed25519(PublicKey key, String text, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }
}
