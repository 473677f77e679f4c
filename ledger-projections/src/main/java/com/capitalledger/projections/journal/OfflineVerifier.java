package com.capitalledger.projections.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * Verifies an export of the journal with nothing but the export, a signed digest and the journal's public key: no
 * database, no network. The digest's signature must verify; every entry must hash to its leaf hash; the entries must
 * run from seq 0 without a gap; the first {@code treeSize} of them must hash to the digest's root; and no line may
 * hold an event the journal lacks.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineVerifier() {
    }

    /** The outcome: whether the digest's signature verified, and the verification of the export against it. */
    public record Outcome(boolean signatureValid, Verification.Report report) {

        public boolean ok() {
            return signatureValid && report.ok();
        }
    }

    public static Outcome verify(BufferedReader export, Digests.Digest digest, PublicKey key) throws IOException {
        boolean signed = Digests.verify(digest, key);
        Verification verification = new Verification(digest);
        HexFormat hex = HexFormat.of();
        long lineNumber = 0;
        for (String line = export.readLine(); line != null; line = export.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(line);
            } catch (IOException malformed) {
                throw new IOException("line " + lineNumber + " of the export is not JSON: " + malformed.getMessage(),
                        malformed);
            }
            JsonNode entry = row.get("entry");
            ObjectNode entryObject = entry instanceof ObjectNode object ? object : null;
            String eventId = entryObject != null ? entryObject.path("eventId").asText(null)
                    : row.path("eventId").asText(null);
            if (row.path("seq").isNull() || row.path("seq").isMissingNode()) {
                verification.notJournaled(row.path("globalIndex").asLong(-1), eventId,
                        Verification.programId(entryObject), "the event store holds this event and the journal "
                                + "does not: it was inserted behind the ledger's back");
                continue;
            }
            byte[] leaf = row.path("leafHash").isTextual() ? hex.parseHex(row.get("leafHash").textValue()) : null;
            verification.entry(row.get("seq").asLong(), leaf, eventId, entryObject,
                    row.has("globalIndex") ? row.get("globalIndex").asLong() : null);
        }
        return new Outcome(signed, verification.report());
    }

    /** A digest as {@code GET /api/v1/journal/digest} serves it and the digest file holds it. */
    public static Digests.Digest digest(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return new Digests.Digest(node.path("treeSize").asLong(), node.path("rootHash").asText(),
                node.path("issuedAt").asText(), node.path("algorithm").asText(), node.path("keyId").asText(),
                node.path("signature").asText());
    }
}
