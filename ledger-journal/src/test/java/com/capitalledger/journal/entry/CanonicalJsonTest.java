package com.capitalledger.journal.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal's canonical JSON against RFC 8785's reference canonicalizer (Samuel Erdtman's Java port): the same bytes
 * for every shape an entry can take, including keys that sort differently by code point and by UTF-16 unit, control
 * characters and non-ASCII text.
 */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHABET = "aAzZ09_-\"\\/\b\f\n\r\t\u0000\u001f\u007f é€😀\ud83d\ude00ﬀ";

    @Test
    void writesWhatTheReferenceCanonicalizerWrites() throws IOException {
        Random random = new Random(8785);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 2_000; i++) {
            // The reference canonicalizer takes an object or an array at the top, as an entry always is.
            ObjectNode value = NODES.objectNode();
            value.set(text(random), value(random, 0));
            value.set(text(random), value(random, 0));
            String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);

            String ours = CanonicalJson.read(pretty.getBytes(StandardCharsets.UTF_8)).canonical();

            // Numbers as the journal keeps them: strings of their stored digits.
            assertThat(ours).as(pretty).isEqualTo(new JsonCanonicalizer(mapper.writeValueAsString(
                    numbersAsText(value))).getEncodedString());
        }
    }

    @Test
    void writesAnObjectWithoutOneMemberAsTheReferenceWritesItWithout() throws IOException {
        Random random = new Random(5);
        ObjectMapper mapper = new ObjectMapper();
        // The seal sorts first, in the middle or last among the metadata's members, or is the only one.
        for (String[] others : new String[][]{{"actor", "zeta"}, {"a", "b"}, {"t", "u"}, {}}) {
            for (int i = 0; i < 200; i++) {
                ObjectNode metadata = NODES.objectNode();
                for (String other : others) {
                    metadata.set(other, numbersAsText(value(random, 0)));
                }
                metadata.put("seal", "0f".repeat(32));
                ObjectNode unsealed = metadata.deepCopy();
                unsealed.remove("seal");

                CanonicalJson.Document read = CanonicalJson.read(mapper.writeValueAsBytes(metadata));

                assertThat(read.canonical())
                        .isEqualTo(new JsonCanonicalizer(mapper.writeValueAsString(metadata)).getEncodedString());
                assertThat(read.canonicalWithout("seal"))
                        .isEqualTo(new JsonCanonicalizer(mapper.writeValueAsString(unsealed)).getEncodedString());
                assertThat(read.text("seal")).isEqualTo("0f".repeat(32));
            }
        }
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAsTheRfcsExampleDoes() throws IOException {
        // RFC 8785, 3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) by UTF-16 unit although its code point is lower.
        ObjectNode object = NODES.objectNode();
        object.put("\ud83d\ude00", "emoji");
        object.put("\u20ac", "euro");
        object.put("\r", "cr");
        object.put("1", "one");
        object.put("\u0080", "control");
        object.put("\u00f6", "o-umlaut");
        object.put("\ufb33", "hebrew");

        assertThat(CanonicalJson.read(new ObjectMapper().writeValueAsBytes(object)).canonical())
                .isEqualTo("{\"\\r\":\"cr\",\"1\":\"one\",\"\u0080\":\"control\",\"\u00f6\":\"o-umlaut\","
                        + "\"\u20ac\":\"euro\",\"\ud83d\ude00\":\"emoji\",\"\ufb33\":\"hebrew\"}");
    }

    @Test
    void storedNumbersKeepTheirExactDigitsAsStrings() {
        CanonicalJson.Document read = CanonicalJson.read(
                "{\"amount\":12345678901234567.89,\"zero\":0.00,\"bps\":200,\"e\":1e3}".getBytes(StandardCharsets.UTF_8));

        assertThat(read.canonical())
                .isEqualTo("{\"amount\":\"12345678901234567.89\",\"bps\":\"200\",\"e\":\"1e3\",\"zero\":\"0.00\"}");
        assertThat(read.text("amount")).isEqualTo("12345678901234567.89");
    }

    @Test
    void identifiersAreReadThroughTheirValueMemberAndOnlyThose() {
        CanonicalJson.Document read = CanonicalJson.read(("{\"programId\":{\"value\":\"STARGATE\"},"
                + "\"nested\":{\"value\":{\"value\":\"X\"}},\"pair\":{\"value\":\"A\",\"other\":1},\"plain\":\"P\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.identifier("programId")).isEqualTo("STARGATE");
        assertThat(read.text("programId")).as("an identifier is not text").isNull();
        assertThat(read.identifier("nested")).isNull();
        assertThat(read.identifier("pair")).isNull();
        assertThat(read.identifier("plain")).isEqualTo("P");
        assertThat(read.identifier("absent")).isNull();
    }

    @Test
    void refusesDuplicateKeysTrailingContentAndNothing() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("duplicate key a");
        assertThatThrownBy(() -> CanonicalJson.read("{\"o\":{\"b\":1,\"b\":2}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("duplicate key b");
        assertThatThrownBy(() -> CanonicalJson.read("{} {}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> CanonicalJson.read(new byte[0])).hasMessageContaining("empty JSON");
    }

    @Test
    void aValueMeansTheSameWhateverItsKeyOrderWhiteSpaceAndNullMembers() {
        byte[] first = CanonicalJson.value(("{\"drawId\":\"D-1\",\"amount\":\"100.00\",\"currency\":\"USD\","
                + "\"lenders\":[{\"id\":\"L1\",\"share\":1}],\"effectiveDate\":\"2025-03-01\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] retried = CanonicalJson.value(("""
                {
                  "effectiveDate" : "2025-03-01", "reason": null,
                  "lenders": [ { "share": 1, "id": "L1", "note": null } ],
                  "currency":"USD",   "amount": "100.00", "drawId": "D-1"
                }""").getBytes(StandardCharsets.UTF_8));

        assertThat(new String(retried, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\":\"100.00\",\"currency\":\"USD\",\"drawId\":\"D-1\",\"effectiveDate\":"
                        + "\"2025-03-01\",\"lenders\":[{\"id\":\"L1\",\"share\":1}]}");
    }

    @Test
    void aValueKeepsWhatTellsTwoRequestsApart() {
        assertThat(value("{\"amount\":\"100.00\"}")).isNotEqualTo(value("{\"amount\":\"100.01\"}"));
        // Numbers keep their exact text, unquoted: neither rounded through a double nor confused with a string.
        assertThat(value("{\"n\":12345678901234567.89,\"e\":1e3,\"z\":0.00}"))
                .isEqualTo("{\"e\":1e3,\"n\":12345678901234567.89,\"z\":0.00}");
        assertThat(value("{\"n\":1}")).isNotEqualTo(value("{\"n\":\"1\"}"));
        assertThat(value("{\"n\":1.0}")).isNotEqualTo(value("{\"n\":1.00}"));
        // An array's null is a position, not an absent member; the order of an array's items is its meaning.
        assertThat(value("[null,{\"a\":null},\"x\"]")).isEqualTo("[null,{},\"x\"]");
        assertThat(value("[1,2]")).isNotEqualTo(value("[2,1]"));
        assertThat(value("{\"a\":\"\\u00e9\\n\"}")).isEqualTo("{\"a\":\"\u00e9\\n\"}");
        assertThat(value("{\"a\":true,\"b\":false}")).isEqualTo("{\"a\":true,\"b\":false}");
        assertThatThrownBy(() -> value("{\"a\":null,\"a\":1}")).hasMessageContaining("duplicate key a");
        assertThatThrownBy(() -> value("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String value(String json) {
        return new String(CanonicalJson.value(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The value with every number replaced by the string of its digits. */
    private static JsonNode numbersAsText(JsonNode value) {
        if (value.isNumber()) {
            return NODES.textNode(value.asText());
        }
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            value.fields().forEachRemaining(member -> copy.set(member.getKey(), numbersAsText(member.getValue())));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            value.forEach(element -> copy.add(numbersAsText(element)));
            return copy;
        }
        return value;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = depth >= 3 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = 0, n = random.nextInt(6); i < n; i++) {
                    object.set(text(random), value(random, depth + 1));
                }
                yield object;
            }
            case 1 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
            case 2 -> NODES.textNode(text(random));
            case 3 -> NODES.numberNode(random.nextLong(-(1L << 53) + 1, 1L << 53));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(8); i < n; i++) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < ALPHABET.length()) {
                text.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
