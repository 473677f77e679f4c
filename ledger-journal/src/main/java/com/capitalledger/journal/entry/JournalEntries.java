package com.capitalledger.journal.entry;

import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.journal.tree.MerkleTree;

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
    private static final String ACTOR = "{\"actor\":";
    private static final String AGGREGATE_ID = ",\"aggregateId\":";
    private static final String AGGREGATE_SEQUENCE = ",\"aggregateSequence\":";
    private static final String EFFECTIVE_DATE = ",\"effectiveDate\":";
    private static final String EVENT_ID = ",\"eventId\":";
    private static final String REJECTION_KIND = ",\"kind\":\"REJECTION\",\"metadata\":";
    private static final String EVENT_KIND = ",\"kind\":\"EVENT\",\"metadata\":";
    private static final String PAYLOAD = ",\"payload\":";
    private static final String PROGRAM_ID = ",\"programId\":";
    private static final String RECORDED_AT = ",\"recordedAt\":";
    private static final String TYPE = ",\"type\":";
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
        byte[][] entry = parts.entry(parts.metadata.bytes());
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
        CanonicalJson.Out head = new CanonicalJson.Out(256).putAscii(ACTOR);
        text(metadata.identifier("actor"), head);
        head.putAscii(AGGREGATE_ID);
        text(row.aggregateIdentifier(), head);
        head.putAscii(AGGREGATE_SEQUENCE).putLong(row.sequenceNumber())
                .putAscii(EFFECTIVE_DATE);
        text(payload.identifier("effectiveDate"), head);
        head.putAscii(EVENT_ID);
        text(row.eventIdentifier(), head);
        String kind = REJECTION_TYPE.equals(row.payloadType()) ? REJECTION_KIND : EVENT_KIND;
        head.putAscii(kind);
        CanonicalJson.Out tail = new CanonicalJson.Out(payload.bytes().length + 160).putAscii(PAYLOAD)
                .put(payload.bytes()).putAscii(PROGRAM_ID);
        text(payload.identifier("programId"), tail);
        tail.putAscii(RECORDED_AT);
        text(row.timeStamp(), tail);
        tail.putAscii(TYPE);
        text(row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1), tail);
        tail.put('}');
        return new Parts(head.toArray(), tail.toArray(), payload, metadata);
    }

    /** An entry in three parts: the members before its metadata, the metadata, and the members after it. */
    private record Parts(byte[] head, byte[] tail, CanonicalJson.Document payload, CanonicalJson.Document metadata) {

        byte[][] entry(byte[] metadataBytes) {
            return new byte[][]{head, metadataBytes, tail};
        }

        byte[][] withoutSeal() {
            return entry(metadata.bytesWithout(SEAL));
        }
    }

    private static void text(String value, CanonicalJson.Out out) {
        if (value == null) {
            out.putAscii("null");
        } else {
            CanonicalJson.string(value, out);
        }
    }
}
