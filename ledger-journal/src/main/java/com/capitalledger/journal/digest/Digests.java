package com.capitalledger.journal.digest;

import com.capitalledger.journal.keys.SigningKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signed digests of the journal: its size and root hash at an instant, signed with Ed25519 over the UTF-8 text
 * {@code treeSize|rootHash|issuedAt} (the root in lowercase hex, the instant in ISO-8601 UTC exactly as served), and
 * the id of the ledger it was issued by.
 */
public final class Digests {

    public static final String ALGORITHM = SigningKeys.ALGORITHM;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A digest as served and as written to the digest file. The ledger id names the database whose journal it
     * digests: a verification holds a ledger only to its own digests, wherever the file is shared. It is not part of
     * the signed text (DESIGN.md section 8 fixes that text); a digest relabelled with another ledger's id is only
     * ignored by this ledger, as a deleted line would be.
     */
    public record Digest(String ledgerId, long treeSize, String rootHash, String issuedAt, String algorithm,
                         String keyId, String signature) {

        public String signedText() {
            return Digests.signedText(treeSize, rootHash, issuedAt);
        }
    }

    private Digests() {
    }

    public static Digest issue(String ledgerId, long treeSize, byte[] root, Instant at, SigningKeys keys) {
        String rootHash = HexFormat.of().formatHex(root);
        String issuedAt = at.truncatedTo(ChronoUnit.MILLIS).toString();
        byte[] signature = SigningKeys.sign(signedText(treeSize, rootHash, issuedAt).getBytes(StandardCharsets.UTF_8),
                keys.privateKey());
        return new Digest(ledgerId, treeSize, rootHash, issuedAt, ALGORITHM, SigningKeys.keyId(keys.publicKey()),
                Base64.getEncoder().encodeToString(signature));
    }

    /** Whether the digest's signature is the key's signature of its text. */
    public static boolean verify(Digest digest, PublicKey key) {
        try {
            return ALGORITHM.equals(digest.algorithm()) && SigningKeys.verify(
                    digest.signedText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(digest.signature()), key);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * A digest as {@code GET /api/v1/journal/digest} serves it and the digest file holds it; one written before
     * digests named their ledger has a null ledger id.
     */
    public static Digest parse(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return new Digest(node.path("ledgerId").isTextual() ? node.get("ledgerId").textValue() : null,
                node.path("treeSize").asLong(), node.path("rootHash").asText(), node.path("issuedAt").asText(),
                node.path("algorithm").asText(), node.path("keyId").asText(), node.path("signature").asText());
    }

    static String signedText(long treeSize, String rootHash, String issuedAt) {
        return treeSize + "|" + rootHash + "|" + issuedAt;
    }
}
