package com.capitalledger.projections.journal;

import com.capitalledger.core.journal.MerkleTree;
import com.capitalledger.core.journal.api.CommandRejected;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private JournalEntries() {
    }

    /** The entry's canonical bytes: what its leaf hash covers. */
    public static byte[] bytes(ObjectNode entry) {
        return CanonicalJson.write(entry);
    }

    /** The seal the entry's event carries, if any. */
    public static String seal(ObjectNode entry) {
        JsonNode seal = entry.path("metadata").get(SEAL);
        return seal != null && seal.isTextual() ? seal.textValue() : null;
    }

    /**
     * A stored event's entry with everything the journal computes from it: its canonical bytes, its leaf hash, its
     * program, and whether it carries the seal its content calls for (null when no seals are at hand).
     */
    public record Rendered(ObjectNode entry, byte[] bytes, byte[] leaf, String programId, Boolean sealed) {
    }

    /**
     * Renders a stored event in one pass over its entry.
     *
     * @param seals the ledger's seals, or null to leave the seal unchecked
     * @throws IllegalArgumentException if its payload or metadata is not JSON
     */
    public static Rendered render(StoredEventRow row, EventSeals seals) {
        ObjectNode entry = entry(row);
        String programId = entry.path("programId").isTextual() ? entry.get("programId").textValue() : null;
        if (seals == null) {
            byte[] bytes = bytes(entry);
            return new Rendered(entry, bytes, MerkleTree.leafHash(bytes), programId, null);
        }
        CanonicalJson.WithAndWithout written = CanonicalJson.writeWithAndWithout(entry, "metadata", SEAL);
        return new Rendered(entry, written.with(), MerkleTree.leafHash(written.with()), programId,
                seals.isSeal(seal(entry), written.without()));
    }

    /** The entry of a stored event. */
    public static ObjectNode entry(StoredEventRow row) {
        JsonNodeFactory nodes = CanonicalJson.nodes();
        JsonNode payload = CanonicalJson.readExact(row.payload());
        JsonNode metadata = row.metadata() == null ? nodes.objectNode() : CanonicalJson.readExact(row.metadata());
        ObjectNode entry = nodes.objectNode();
        entry.put("kind", REJECTION_TYPE.equals(row.payloadType()) ? "REJECTION" : "EVENT");
        entry.put("eventId", row.eventIdentifier());
        entry.put("aggregateId", row.aggregateIdentifier());
        entry.set("programId", text(payload.get("programId")));
        entry.put("aggregateSequence", row.sequenceNumber());
        entry.put("type", row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1));
        entry.set("effectiveDate", text(payload.get("effectiveDate")));
        entry.put("recordedAt", row.timeStamp());
        entry.set("actor", text(metadata.get("actor")));
        entry.set("payload", payload);
        entry.set("metadata", metadata);
        return entry;
    }

    /** A text field, or an identifier as the payload holds it ({@code {"value": "STARGATE"}}); else null. */
    private static JsonNode text(JsonNode value) {
        if (value != null && value.isObject() && value.size() == 1 && value.path("value").isTextual()) {
            return value.get("value");
        }
        return value != null && value.isTextual() ? value : CanonicalJson.nodes().nullNode();
    }
}
