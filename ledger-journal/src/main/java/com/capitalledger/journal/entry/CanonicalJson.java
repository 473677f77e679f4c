package com.capitalledger.journal.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The journal's JSON: a stored document (an event's payload or metadata) read token by token and written straight out
 * as UTF-8 bytes in RFC 8785's canonical form (members sorted by the UTF-16 code units of their names, no whitespace,
 * the RFC's string escapes), with no tree and no intermediate text in between: the journal renders every event this
 * way, when it seals it, takes it, exports it and verifies it, so this is the journal's hot path.
 * <p>
 * RFC 8785 writes numbers as IEEE 754 doubles, which would round an amount such as 12345678901234567.89; so a stored
 * number becomes a string of exactly its stored text, and the journal holds no number but its entries' own integers.
 * <p>
 * {@link #value} gives the same form of a request's body, to tell a retry that means the same from one that does not.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** String.compareTo orders by UTF-16 code units, as RFC 8785 (3.2.3) requires. */
    private static final Comparator<Member> BY_NAME = Comparator.comparing(Member::name);

    private CanonicalJson() {
    }

    /**
     * A member of an object: its name, its value in canonical form (UTF-8), and, for a top-level member, its value as
     * text when it is a string or a number, or ({@code wrapped}) an object of one such member named {@code value}, as
     * the ledger stores an identifier: {@code {"value": "STARGATE"}}.
     */
    public record Member(String name, byte[] canonical, String text, boolean wrapped) {
    }

    /** A document in canonical form (UTF-8) and, when it is an object, its top-level members in canonical order. */
    public record Document(byte[] bytes, List<Member> members) {

        /** The canonical form as text. */
        public String canonical() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The text of a top-level member that is a string or a number, or null. */
        public String text(String name) {
            Member member = member(name);
            return member == null || member.wrapped() ? null : member.text();
        }

        /** The text of a top-level member that is a string, a number or an identifier as the ledger stores one. */
        public String identifier(String name) {
            Member member = member(name);
            return member == null ? null : member.text();
        }

        private Member member(String name) {
            for (Member member : members) {
                if (member.name().equals(name)) {
                    return member;
                }
            }
            return null;
        }

        /** The canonical form without one top-level member (the document itself if it has no such member). */
        public byte[] bytesWithout(String name) {
            if (member(name) == null) {
                return bytes;
            }
            Out out = new Out(bytes.length);
            appendObject(members.stream().filter(member -> !member.name().equals(name)).toList(), out);
            return out.toArray();
        }

        /** {@link #bytesWithout} as text. */
        public String canonicalWithout(String name) {
            return new String(bytesWithout(name), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a stored JSON document.
     *
     * @throws IllegalArgumentException if it is not exactly one JSON value, or an object repeats a member's name
     */
    public static Document read(byte[] json) {
        return parse(json, false);
    }

    /**
     * A JSON value in the canonical form of what it means as a request, so that two bodies a client serialised
     * differently compare equal: RFC 8785's member order, string escapes and no whitespace, with two departures.
     * A number is written as its exact text (not rounded through a double, nor made a string: {@code 1.0} and
     * {@code 1.00} stay apart, and so do {@code 1} and {@code "1"}, which the API does not coerce into each other).
     * An object member whose value is null is left out: the API reads an explicit null as an absent member.
     *
     * @throws IllegalArgumentException if it is not exactly one JSON value, or an object repeats a member's name
     */
    public static byte[] value(byte[] json) {
        return parse(json, true).bytes();
    }

    /** {@code request}: numbers as their text and null members left out ({@link #value}), not the journal's form. */
    private static Document parse(byte[] json, boolean request) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON");
            }
            Out out = new Out(json.length + 16);
            Document document;
            if (first == JsonToken.START_OBJECT) {
                List<Member> members = members(parser, 0, request);
                appendObject(members, out);
                document = new Document(out.toArray(), members);
            } else {
                value(parser, first, out, request);
                document = new Document(out.toArray(), List.of());
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return document;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The members of the object whose START_OBJECT the parser is at ({@code depth} 0 for the document), sorted, each
     * value in canonical form; with their text only where it is looked up (the top level, and the level below it where
     * an identifier's {@code value} is), so that deeper values cost no strings.
     */
    private static List<Member> members(JsonParser parser, int depth, boolean request) throws IOException {
        List<Member> members = new ArrayList<>();
        Out value = new Out(64);
        boolean nulls = false;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            // Field names come from the parser's symbol table: the same String for the same name, not a new one.
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            value.reset();
            if (request && token == JsonToken.VALUE_NULL) {
                // Kept until the names are checked for duplicates ({"a":null,"a":1} is no more valid than any other).
                members.add(new Member(name, null, null, false));
                nulls = true;
            } else if (token == JsonToken.START_OBJECT) {
                List<Member> inner = members(parser, depth + 1, request);
                appendObject(inner, value);
                boolean identifier = depth == 0 && inner.size() == 1 && inner.get(0).name().equals("value")
                        && inner.get(0).text() != null && !inner.get(0).wrapped();
                members.add(new Member(name, value.toArray(), identifier ? inner.get(0).text() : null, identifier));
            } else if (depth <= 1 && scalar(token)) {
                String text = parser.getText();
                if (request && token != JsonToken.VALUE_STRING) {
                    value.putAscii(text);
                } else {
                    string(text, value);
                }
                members.add(new Member(name, value.toArray(), text, false));
            } else {
                value(parser, token, value, request);
                members.add(new Member(name, value.toArray(), null, false));
            }
        }
        members.sort(BY_NAME);
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i).name().equals(members.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate key " + members.get(i).name());
            }
        }
        if (nulls) {
            members.removeIf(member -> member.canonical() == null);
        }
        return members;
    }

    private static boolean scalar(JsonToken token) {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** Writes the value whose first token the parser is at. */
    private static void value(JsonParser parser, JsonToken token, Out out, boolean request) throws IOException {
        switch (token) {
            case START_OBJECT -> appendObject(members(parser, 2, request), out);
            case START_ARRAY -> {
                out.put('[');
                boolean first = true;
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    if (!first) {
                        out.put(',');
                    }
                    first = false;
                    value(parser, next, out, request);
                }
                out.put(']');
            }
            // The parser's own character buffer: no String made for a value nobody looks up.
            case VALUE_STRING -> string(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), out);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (request) {
                    // A number's text is ASCII digits, signs, '.', 'e' and 'E': written as it came.
                    out.putAscii(parser.getText());
                } else {
                    string(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), out);
                }
            }
            case VALUE_TRUE -> out.put(TRUE);
            case VALUE_FALSE -> out.put(FALSE);
            case VALUE_NULL -> out.put(NULL);
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    private static void appendObject(List<Member> sorted, Out out) {
        out.put('{');
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.put(',');
            }
            string(sorted.get(i).name(), out);
            out.put(':');
            out.put(sorted.get(i).canonical());
        }
        out.put('}');
    }

    /** A string in canonical form, as UTF-8. */
    static void string(String text, Out out) {
        out.put('"');
        int length = text.length();
        int plain = 0;
        while (plain < length && ascii(text.charAt(plain))) {
            plain++;
        }
        // Most text (ids, amounts, dates, names) is printable ASCII with nothing to escape: copied whole.
        out.putAscii(text, plain);
        if (plain < length) {
            char[] rest = text.substring(plain).toCharArray();
            escaped(rest, 0, rest.length, out);
        }
        out.put('"');
    }

    private static void string(char[] text, int offset, int length, Out out) {
        out.put('"');
        escaped(text, offset, length, out);
        out.put('"');
    }

    private static boolean ascii(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    /**
     * RFC 8785 3.2.2.2: the two-character escapes, other control characters as lowercase \\u00xx, the rest as is, in
     * UTF-8 (a lone surrogate, which no valid text has, as '?', as Java's own UTF-8 encoder writes it).
     */
    private static void escaped(char[] text, int offset, int length, Out out) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (ascii(c)) {
                out.put(c);
                continue;
            }
            switch (c) {
                case '"' -> out.put('\\').put('"');
                case '\\' -> out.put('\\').put('\\');
                case '\b' -> out.put('\\').put('b');
                case '\f' -> out.put('\\').put('f');
                case '\n' -> out.put('\\').put('n');
                case '\r' -> out.put('\\').put('r');
                case '\t' -> out.put('\\').put('t');
                default -> {
                    if (c < 0x20) {
                        out.put('\\').put('u').put('0').put('0').put(HEX[c >> 4]).put(HEX[c & 0xF]);
                    } else if (c < 0x800) {
                        out.put(0xC0 | c >> 6).put(0x80 | c & 0x3F);
                    } else if (!Character.isSurrogate(c)) {
                        out.put(0xE0 | c >> 12).put(0x80 | c >> 6 & 0x3F).put(0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                        int point = Character.toCodePoint(c, text[++i]);
                        out.put(0xF0 | point >> 18).put(0x80 | point >> 12 & 0x3F).put(0x80 | point >> 6 & 0x3F)
                                .put(0x80 | point & 0x3F);
                    } else {
                        out.put('?');
                    }
                }
            }
        }
    }

    /** A growing byte buffer: what ByteArrayOutputStream is, without its locks, for one thread's rendering. */
    static final class Out {

        private byte[] bytes;
        private int length;

        Out(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Out put(int b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = (byte) b;
            return this;
        }

        Out put(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        /** The first {@code count} characters of text known to be ASCII. */
        Out putAscii(String text, int count) {
            ensure(count);
            text.getBytes(0, count, bytes, length);
            length += count;
            return this;
        }

        /** Text known to be ASCII. */
        Out putAscii(String text) {
            return putAscii(text, text.length());
        }

        Out putLong(long value) {
            return putAscii(Long.toString(value));
        }

        void reset() {
            length = 0;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
