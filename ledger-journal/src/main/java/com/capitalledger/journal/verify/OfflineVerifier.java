package com.capitalledger.journal.verify;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.entry.JournalEntries;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;

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

    /**
     * The outcome: the digests whose signatures did not verify (left out, and a mismatch themselves), and the
     * verification of the export against the others.
     */
    public record Outcome(List<Digests.Digest> unsigned, VerificationPass.Report report) {

        public boolean ok() {
            return unsigned.isEmpty() && report.ok();
        }
    }

    /** Verifies the export against every digest, in one pass over it. */
    public static Outcome verify(BufferedReader export, List<Digests.Digest> digests, PublicKey key)
            throws IOException {
        List<Digests.Digest> unsigned = digests.stream().filter(digest -> !Digests.verify(digest, key)).toList();
        VerificationPass verification = new VerificationPass(digests.stream().filter(digest -> !unsigned.contains(digest))
                .toList());
        unsigned.forEach(verification::forgedDigest);
        long lineNumber = 0;
        for (String text = export.readLine(); text != null; text = export.readLine()) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = Line.parse(text);
            } catch (IOException | IllegalArgumentException malformed) {
                throw new IOException("line " + lineNumber + " of the export is not an export line: "
                        + malformed.getMessage(), malformed);
            }
            if (line.seq() == null) {
                verification.notJournaled(line.globalIndex() == null ? -1 : line.globalIndex(), line.eventId(),
                        line.programId(), "the event store holds this event and the journal does not: it was "
                                + "inserted behind the ledger's back");
                continue;
            }
            JournalEntries.Rendered rendered = line.entry() == null ? null : JournalEntries.Rendered.of(line.entry(),
                    line.programId());
            verification.entry(line.seq(), line.leafHash(), line.eventId(), line.globalIndex(), rendered);
        }
        return new Outcome(unsigned, verification.report());
    }

    /**
     * One export line: its fields, and its entry as the exact bytes the line holds (what the leaf hash covers; they are
     * hashed as written, never parsed and written again).
     */
    private record Line(Long seq, byte[] leafHash, Long globalIndex, String eventId, byte[] entry, String programId) {

        static Line parse(String text) throws IOException {
            Long seq = null;
            byte[] leafHash = null;
            Long globalIndex = null;
            String eventId = null;
            String entry = null;
            try (JsonParser parser = JSON.getFactory().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    boolean isNull = value == JsonToken.VALUE_NULL;
                    switch (name) {
                        case "seq" -> seq = isNull ? null : parser.getLongValue();
                        case "leafHash" -> leafHash = isNull ? null : HexFormat.of().parseHex(parser.getText());
                        case "globalIndex" -> globalIndex = isNull ? null : parser.getLongValue();
                        case "eventId" -> eventId = isNull ? null : parser.getText();
                        case "entry" -> {
                            if (value == JsonToken.START_OBJECT) {
                                int start = (int) parser.currentTokenLocation().getCharOffset();
                                parser.skipChildren();
                                entry = text.substring(start, (int) parser.currentLocation().getCharOffset());
                            } else if (!isNull) {
                                throw new IllegalArgumentException("entry is neither an object nor null");
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
            }
            String programId = null;
            if (entry != null) {
                JsonNode parsed = JSON.readTree(entry);
                programId = parsed.path("programId").isTextual() ? parsed.get("programId").textValue() : null;
                eventId = parsed.path("eventId").isTextual() ? parsed.get("eventId").textValue() : eventId;
            }
            return new Line(seq, leafHash, globalIndex, eventId,
                    entry == null ? null : entry.getBytes(StandardCharsets.UTF_8), programId);
        }
    }
}
