package com.capitalledger.api.feed;

import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.journal.entry.CanonicalJson;
import com.capitalledger.projections.fold.audit.AuditKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A journal entry as a CloudEvents 1.0 structured-mode JSON event (DESIGN section 11): {@code id} the event id,
 * {@code source} {@code /programs/{programId}} ({@code /base-rates/{rateName}} for a fixing), {@code type}
 * {@code com.capitalledger.{Type}.v1}, {@code subject} the investor, tranche or call it is about, {@code time} when it
 * was recorded, extensions {@code seq}, {@code effectivedate}, {@code actor} and {@code correlationid}, and
 * {@code data} the payload exactly as the journal entry holds it (RFC 8785 canonical JSON, every number a string of
 * its exact digits), so that a consumer can rebuild the entry and check it against its inclusion proof.
 */
public final class FeedEnvelope {

    public static final String MEDIA_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String TYPE_PREFIX = "com.capitalledger.";
    public static final String TYPE_SUFFIX = ".v1";
    private static final String REJECTION_TYPE = CommandRejected.class.getName();
    private static final String REFUSAL = CommandRejected.class.getSimpleName();
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedEnvelope() {
    }

    /** The CloudEvent type of a short name: {@code CapitalCalled} is {@code com.capitalledger.CapitalCalled.v1}. */
    public static String cloudEventType(String type) {
        return TYPE_PREFIX + type + TYPE_SUFFIX;
    }

    /** A stored event's entry at {@code seq}, rendered. */
    static FeedEntry render(long seq, String eventId, String payloadType, byte[] payload, byte[] metadata,
                            String recordedAt) {
        JsonNode data = read(payload);
        JsonNode meta = metadata == null ? JSON.createObjectNode() : read(metadata);
        boolean refusal = REJECTION_TYPE.equals(payloadType);
        String type = refusal ? REFUSAL : payloadType.substring(payloadType.lastIndexOf('.') + 1);
        String programId = identifier(data.get("programId"));
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create(source(programId, refusal, data)))
                .withType(cloudEventType(type))
                .withTime(Instant.parse(recordedAt).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(CanonicalJson.read(payload).bytes());
        // CloudEvents' Integer is 32 bits: beyond it the type system carries the seq as a String.
        if (seq <= Integer.MAX_VALUE) {
            event.withExtension("seq", (int) seq);
        } else {
            event.withExtension("seq", Long.toString(seq));
        }
        String subject = firstOf(data, "investorId", "fromInvestorId", "trancheId", "callId");
        if (subject != null) {
            event.withSubject(subject);
        }
        extension(event, "effectivedate", identifier(data.get("effectiveDate")));
        extension(event, "actor", identifier(meta.get(AuditKeys.ACTOR)));
        extension(event, "correlationid", identifier(meta.get(AuditKeys.CORRELATION_ID)));
        CloudEvent built = event.build();
        return new FeedEntry(seq, eventId, type, refusal, programId, investors(data), FORMAT.serialize(built));
    }

    private static String source(String programId, boolean refusal, JsonNode data) {
        if (programId != null) {
            return "/programs/" + segment(programId);
        }
        String rate = identifier(data.get(refusal ? "referenceId" : "rateName"));
        return rate == null ? "/ledger" : "/base-rates/" + segment(rate);
    }

    /** An identifier as a URI path segment (the ledger's ids are letters, digits and {@code -_.}: unchanged). */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void extension(CloudEventBuilder event, String name, String value) {
        if (value != null) {
            event.withExtension(name, value);
        }
    }

    private static String firstOf(JsonNode data, String... names) {
        for (String name : names) {
            String value = identifier(data.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Every investor the payload names at its top level or in its lists (allocations, distributions, transfers). */
    private static Set<String> investors(JsonNode data) {
        Set<String> found = new HashSet<>();
        collect(data, found, 0);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found, int depth) {
        if (depth > 3 || node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, found, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("investorId") || field.getKey().endsWith("InvestorId")) {
                String id = identifier(field.getValue());
                if (id != null) {
                    found.add(id);
                }
            } else if (field.getValue().isContainerNode()) {
                collect(field.getValue(), found, depth + 1);
            }
        }
    }

    /** A member that is a string or an identifier as the ledger stores one ({@code {"value": "..."}}), else null. */
    private static String identifier(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && node.size() == 1 && node.has("value")) {
            return node.get("value").isValueNode() ? node.get("value").asText() : null;
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
