package com.capitalledger.journal.entry;

import com.capitalledger.journal.tree.Rfc9162;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entries as the journal renders them from stored rows, against entries built here field by field from the brief with
 * Jackson and canonicalized by RFC 8785's reference implementation; leaves hashed by {@link Rfc9162}.
 */
class JournalEntriesTest {

    /** Decimals read as their exact digits, trailing zeros kept. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final EventSeals SEALS = new EventSeals(new byte[32]);

    private static StoredEventRow row(String payloadType, String payload, String metadata) {
        return new StoredEventRow(42, "e-1", "STARGATE", 7, "Program", payloadType, null,
                payload.getBytes(StandardCharsets.UTF_8),
                metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8), "2026-11-28T10:00:00.123Z");
    }

    /** The entry of the brief, built independently: identifiers unwrapped, numbers as their digits' strings. */
    private static String expected(StoredEventRow row) throws IOException {
        JsonNode payload = JSON.readTree(row.payload());
        JsonNode metadata = row.metadata() == null ? NODES.objectNode() : JSON.readTree(row.metadata());
        ObjectNode entry = NODES.objectNode();
        entry.put("kind", row.payloadType().endsWith(".CommandRejected") ? "REJECTION" : "EVENT");
        entry.put("eventId", row.eventIdentifier());
        entry.put("aggregateId", row.aggregateIdentifier());
        entry.set("programId", identifier(payload.get("programId")));
        entry.put("aggregateSequence", row.sequenceNumber());
        entry.put("type", row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1));
        entry.set("effectiveDate", identifier(payload.get("effectiveDate")));
        entry.put("recordedAt", row.timeStamp());
        entry.set("actor", identifier(metadata.get("actor")));
        entry.set("payload", numbersAsText(payload));
        entry.set("metadata", numbersAsText(metadata));
        return new JsonCanonicalizer(JSON.writeValueAsString(entry)).getEncodedString();
    }

    private static JsonNode identifier(JsonNode value) {
        if (value != null && value.isObject() && value.size() == 1 && value.get("value") != null
                && value.get("value").isValueNode() && !value.get("value").isNull()
                && !value.get("value").isBoolean()) {
            return NODES.textNode(value.get("value").asText());
        }
        return value != null && (value.isTextual() || value.isNumber()) ? NODES.textNode(value.asText())
                : NODES.nullNode();
    }

    private static JsonNode numbersAsText(JsonNode value) {
        if (value.isNumber()) {
            return NODES.textNode(value.asText());
        }
        if (value.isContainerNode()) {
            JsonNode copy = value.deepCopy();
            if (copy instanceof ObjectNode object) {
                value.fields().forEachRemaining(member -> object.set(member.getKey(), numbersAsText(member.getValue())));
            } else {
                for (int i = 0; i < value.size(); i++) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, numbersAsText(value.get(i)));
                }
            }
            return copy;
        }
        return value;
    }

    @Test
    void rendersTheBriefsEntryExactlyAsTheReferenceWritesIt() throws IOException {
        List<StoredEventRow> rows = List.of(
                row("com.capitalledger.core.equity.api.EquityCommitted", """
                        {"programId":{"value":"STARGATE"},"investorId":{"value":"SOFTBANK"},"investorName":"SoftBank \
                        株式会社 \\"SB\\"","amount":{"amount":19000000000.00,"currency":"USD"},"effectiveDate":"2025-01-21",\
                        "shares":[1,2.50,-300]}""", """
                        {"actor":"treasury","correlationId":"c-1","seal":"ab","traceId":null}"""),
                row("com.capitalledger.core.journal.api.CommandRejected", """
                        {"command":"DrawTranche","code":"UNKNOWN_TRANCHE","programId":"P1","amount":"12.34"}""",
                        "{\"actor\":{\"value\":\"treasury\"},\"reason\":\"line\\nbreak\"}"),
                row("com.capitalledger.core.rates.api.BaseRateFixingRecorded", """
                        {"rateName":{"value":"SOFR"},"ratePct":4.30000,"effectiveDate":{"value":"2025-01-01"}}""", null),
                row("com.capitalledger.core.program.api.ProgramCreated", "[1,2]", "[]"));
        for (StoredEventRow row : rows) {
            JournalEntries.Rendered rendered = JournalEntries.render(row, null);

            String expected = expected(row);
            assertThat(new String(rendered.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(rendered.leaf()).isEqualTo(Rfc9162.leaf(expected.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(JournalEntries.render(rows.get(0), null).programId()).isEqualTo("STARGATE");
        assertThat(JournalEntries.render(rows.get(1), null).programId()).isEqualTo("P1");
        assertThat(JournalEntries.render(rows.get(2), null).programId()).isNull();
    }

    @Test
    void anEventSealedAsTheLedgerSealsIsSealedAndAnyChangeBreaksIt() {
        String payload = "{\"programId\":{\"value\":\"P\"},\"amount\":{\"amount\":1.00,\"currency\":\"USD\"}}";
        String seal = JournalEntries.sealFor(row("x.EquityCommitted", payload, "{\"actor\":\"t\"}"), SEALS);
        String sealedMetadata = "{\"actor\":\"t\",\"seal\":\"" + seal + "\"}";

        JournalEntries.Rendered sealed = JournalEntries.render(row("x.EquityCommitted", payload, sealedMetadata), SEALS);
        assertThat(sealed.seal()).isEqualTo(seal);
        assertThat(sealed.sealed()).isTrue();
        assertThat(JournalEntries.render(row("x.EquityCommitted", payload.replace("1.00", "1.01"), sealedMetadata),
                SEALS).sealed()).as("the payload changed").isFalse();
        assertThat(JournalEntries.render(row("x.EquityCommitted", payload, "{\"actor\":\"u\",\"seal\":\"" + seal
                + "\"}"), SEALS).sealed()).as("the metadata changed").isFalse();
        assertThat(JournalEntries.render(row("x.EquityCommitted", payload, "{\"actor\":\"t\"}"), SEALS).sealed())
                .as("no seal").isFalse();
    }

    @Test
    void refusesWhatItCannotRenderExactly() {
        StoredEventRow beyond = new StoredEventRow(1, "e", "a", 1L << 54, "Program", "x.Y", null,
                "{}".getBytes(StandardCharsets.UTF_8), null, "t");
        assertThatThrownBy(() -> JournalEntries.render(beyond, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
        assertThatThrownBy(() -> JournalEntries.render(row("x.Y", "{\"a\":", null), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    }
}
