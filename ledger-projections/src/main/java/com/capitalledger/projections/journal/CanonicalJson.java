package com.capitalledger.projections.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The journal's JSON: stored payloads read with every number kept as its exact text, and entries written in RFC 8785's
 * canonical form (keys sorted by UTF-16 code units, no whitespace, the RFC's string escapes, UTF-8).
 * <p>
 * RFC 8785 writes numbers as IEEE 754 doubles, which would round an amount such as 12345678901234567.89; so the
 * journal never holds a fractional or unsafe number: a stored number becomes a string of its exact text, and the only
 * numbers left are the entry's own integers (aggregate sequence), which the writer refuses beyond 2^53.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** Parses stored JSON, each number (integer or decimal) becoming a string of exactly the digits stored. */
    public static JsonNode readExact(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON");
            }
            JsonNode value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        throw new IllegalArgumentException("duplicate key " + name);
                    }
                    object.set(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                return array;
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** The value in RFC 8785's canonical form, as UTF-8. */
    public static byte[] write(JsonNode value) {
        StringBuilder text = new StringBuilder(256);
        write(value, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An object's canonical bytes, and the same without one member of one of its object members. */
    public record WithAndWithout(byte[] with, byte[] without) {
    }

    /**
     * Writes {@code root} once, and alongside it the same text without {@code root[holder][member]}: what a seal
     * covering everything but itself is computed over, at the cost of one pass.
     */
    public static WithAndWithout writeWithAndWithout(ObjectNode root, String holder, String member) {
        StringBuilder with = new StringBuilder(512);
        StringBuilder without = new StringBuilder(512);
        with.append('{');
        without.append('{');
        List<String> names = sortedNames(root);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int start = with.length();
            if (i > 0) {
                with.append(',');
            }
            string(name, with);
            with.append(':');
            JsonNode value = root.get(name);
            if (!name.equals(holder) || !value.isObject()) {
                write(value, with);
                without.append(with, start, with.length());
                continue;
            }
            without.append(with, start, with.length());
            with.append('{');
            without.append('{');
            boolean firstWithout = true;
            List<String> inner = sortedNames(value);
            for (int j = 0; j < inner.size(); j++) {
                int innerStart = with.length();
                if (j > 0) {
                    with.append(',');
                }
                string(inner.get(j), with);
                with.append(':');
                write(value.get(inner.get(j)), with);
                if (!inner.get(j).equals(member)) {
                    // The first member kept opens the object without a comma, even if the one left out came first.
                    int from = firstWithout && j > 0 ? innerStart + 1 : innerStart;
                    without.append(with, from, with.length());
                    firstWithout = false;
                }
            }
            with.append('}');
            without.append('}');
        }
        with.append('}');
        without.append('}');
        return new WithAndWithout(with.toString().getBytes(StandardCharsets.UTF_8),
                without.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> sortedNames(JsonNode object) {
        List<String> names = new ArrayList<>(object.size());
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        // String.compareTo orders by UTF-16 code units, as RFC 8785 (3.2.3) requires.
        names.sort(String::compareTo);
        return names;
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                List<String> names = sortedNames(value);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(value.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(value.textValue(), out);
            case NUMBER -> {
                if (!value.canConvertToExactIntegral() || !value.canConvertToLong()
                        || Math.abs(value.longValue()) > MAX_SAFE_INTEGER) {
                    throw new IllegalArgumentException("the journal writes only integers up to 2^53 as numbers: "
                            + value);
                }
                out.append(value.longValue());
            }
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("no JSON form for " + value.getNodeType());
        }
    }

    /** RFC 8785 3.2.2.2: the two-character escapes, other control characters as lowercase \\u00xx, the rest as is. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static JsonNodeFactory nodes() {
        return NODES;
    }
}
