package com.capitalledger.projections.journal;

import com.capitalledger.core.journal.MerkleTree;
import com.capitalledger.core.journal.api.CommandRejected;

import java.nio.charset.StandardCharsets;

/**
 * A journal entry, rendered from its stored event: {@code kind} (EVENT or REJECTION), {@code eventId},
 * {@code aggregateId}, {@code programId}, {@code aggregateSequence}, {@code type}, {@code effectiveDate},
 * {@code recordedAt}, {@code actor}, {@code payload} and {@code metadata} as stored (every number as a string of its
 * exact digits). Its canonical JSON (RFC 8785) is what the leaf hash covers and what the export serves.
 * <p>
 * {@code aggregateId} is beyond the brief's field list: without it, moving an event to another stream (which changes
 * what the aggregate decides from) would leave the entry, and so the tree, unchanged.
 */
public final class JournalEntries {

    /** The metadata key of an event's seal, which the seal itself does not cover. */
    public static final String SEAL = "seal";
    private static final String REJECTION_TYPE = CommandRejected.class.getName();
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final CanonicalJson.Document NO_METADATA = CanonicalJson.read("{}".getBytes(StandardCharsets.UTF_8));

    private JournalEntries() {
    }

    /**
     * A stored event's entry with everything the journal computes from it: its canonical bytes (as parts, joined only
     * when asked for), its leaf hash, its program, the seal it carries (or null), and whether that is the seal its
     * content calls for (null when no seals are at hand).
     */
    public record Rendered(byte[][] parts, byte[] leaf, String programId, String seal, Boolean sealed) {

        /** An entry whose canonical bytes are at hand already (an export's line). */
        public static Rendered of(byte[] bytes, String programId) {
            return new Rendered(new byte[][]{bytes}, MerkleTree.leafHash(bytes), programId, null, null);
        }

        /** The entry's canonical bytes: what its leaf hash covers and the export serves. */
        public byte[] bytes() {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] bytes = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, bytes, at, part.length);
                at += part.length;
            }
            return bytes;
        }
    }

    /**
     * Renders a stored event's entry.
     *
     * @param seals the ledger's seals, or null to leave the seal unchecked
     * @throws IllegalArgumentException if its payload or metadata is not JSON
     */
    public static Rendered render(StoredEventRow row, EventSeals seals) {
        Parts parts = parts(row);
        byte[][] entry = parts.entry(parts.metadata.canonical());
        String seal = parts.metadata.text(SEAL);
        Boolean sealed = seals == null ? null : seals.isSeal(seal, parts.withoutSeal());
        return new Rendered(entry, MerkleTree.leafHash(entry), parts.payload.identifier("programId"), seal, sealed);
    }

    /** The seal a stored event calls for: its entry's canonical bytes without the seal, under the ledger's key. */
    public static String sealFor(StoredEventRow row, EventSeals seals) {
        return seals.seal(parts(row).withoutSeal());
    }

    private static Parts parts(StoredEventRow row) {
        CanonicalJson.Document payload = CanonicalJson.read(row.payload());
        CanonicalJson.Document metadata = row.metadata() == null ? NO_METADATA : CanonicalJson.read(row.metadata());
        if (row.sequenceNumber() > MAX_SAFE_INTEGER || row.sequenceNumber() < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("an aggregate sequence beyond 2^53: " + row.sequenceNumber());
        }
        // The members in canonical order: actor, aggregateId, aggregateSequence, effectiveDate, eventId, kind,
        // metadata | payload, programId, recordedAt, type.
        StringBuilder head = new StringBuilder(256).append("{\"actor\":");
        text(metadata.identifier("actor"), head);
        head.append(",\"aggregateId\":");
        text(row.aggregateIdentifier(), head);
        head.append(",\"aggregateSequence\":").append(row.sequenceNumber()).append(",\"effectiveDate\":");
        text(payload.identifier("effectiveDate"), head);
        head.append(",\"eventId\":");
        text(row.eventIdentifier(), head);
        head.append(",\"kind\":").append(REJECTION_TYPE.equals(row.payloadType()) ? "\"REJECTION\"" : "\"EVENT\"")
                .append(",\"metadata\":");
        StringBuilder tail = new StringBuilder(payload.canonical().length() + 128).append(",\"payload\":")
                .append(payload.canonical()).append(",\"programId\":");
        text(payload.identifier("programId"), tail);
        tail.append(",\"recordedAt\":");
        text(row.timeStamp(), tail);
        tail.append(",\"type\":");
        text(row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1), tail);
        tail.append('}');
        return new Parts(utf8(head), utf8(tail), payload, metadata);
    }

    /** An entry in three parts: the members before its metadata, the metadata, and the members after it. */
    private record Parts(byte[] head, byte[] tail, CanonicalJson.Document payload, CanonicalJson.Document metadata) {

        byte[][] entry(String metadataText) {
            return new byte[][]{head, metadataText.getBytes(StandardCharsets.UTF_8), tail};
        }

        byte[][] withoutSeal() {
            return entry(metadata.canonicalWithout(SEAL));
        }
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void text(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(value, out);
        }
    }
}
