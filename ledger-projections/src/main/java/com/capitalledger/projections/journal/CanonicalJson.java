package com.capitalledger.projections.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal's JSON: a stored document (an event's payload or metadata) read token by token and written straight out
 * in RFC 8785's canonical form (members sorted by the UTF-16 code units of their names, no whitespace, the RFC's
 * string escapes), with no tree in between: the journal renders every event this way, when it takes it, exports it
 * and verifies it.
 * <p>
 * RFC 8785 writes numbers as IEEE 754 doubles, which would round an amount such as 12345678901234567.89; so a stored
 * number becomes a string of exactly its stored text, and the journal holds no number but its entries' own integers.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** String.compareTo orders by UTF-16 code units, as RFC 8785 (3.2.3) requires. */
    private static final Comparator<Member> BY_NAME = Comparator.comparing(Member::name);

    private CanonicalJson() {
    }

    /**
     * A member of an object: its name, its value in canonical form, and its value as text when it is a string or a
     * number, or ({@code wrapped}) an object of one such member named {@code value}, as the ledger stores an
     * identifier: {@code {"value": "STARGATE"}}.
     */
    public record Member(String name, String canonical, String text, boolean wrapped) {
    }

    /** A document in canonical form and, when it is an object, its members in canonical order. */
    public record Document(String canonical, List<Member> members) {

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
        public String canonicalWithout(String name) {
            if (members.stream().noneMatch(member -> member.name().equals(name))) {
                return canonical;
            }
            StringBuilder out = new StringBuilder(canonical.length());
            appendObject(members.stream().filter(member -> !member.name().equals(name)).toList(), out);
            return out.toString();
        }
    }

    /**
     * Reads a stored JSON document.
     *
     * @throws IllegalArgumentException if it is not exactly one JSON value, or an object repeats a member's name
     */
    public static Document read(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON");
            }
            Document document;
            if (first == JsonToken.START_OBJECT) {
                List<Member> members = members(parser);
                StringBuilder out = new StringBuilder(json.length);
                appendObject(members, out);
                document = new Document(out.toString(), members);
            } else {
                StringBuilder out = new StringBuilder(json.length);
                value(parser, first, out);
                document = new Document(out.toString(), List.of());
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return document;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The members of the object whose START_OBJECT the parser is at, sorted, each value in canonical form. */
    private static List<Member> members(JsonParser parser) throws IOException {
        List<Member> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            String name = parser.currentName();
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate key " + name);
            }
            JsonToken token = parser.nextToken();
            StringBuilder value = new StringBuilder();
            if (token == JsonToken.START_OBJECT) {
                List<Member> inner = members(parser);
                appendObject(inner, value);
                boolean identifier = inner.size() == 1 && inner.get(0).name().equals("value")
                        && inner.get(0).text() != null && !inner.get(0).wrapped();
                members.add(new Member(name, value.toString(), identifier ? inner.get(0).text() : null, identifier));
            } else {
                String text = value(parser, token, value);
                members.add(new Member(name, value.toString(), text, false));
            }
        }
        members.sort(BY_NAME);
        return members;
    }

    /** Writes the value whose first token the parser is at; returns its text if it is a string or a number. */
    private static String value(JsonParser parser, JsonToken token, StringBuilder out) throws IOException {
        switch (token) {
            case START_OBJECT -> appendObject(members(parser), out);
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(parser, next, out);
                }
                out.append(']');
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                string(text, out);
                return text;
            }
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
        return null;
    }

    static void appendObject(List<Member> sorted, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(sorted.get(i).name(), out);
            out.append(':').append(sorted.get(i).canonical());
        }
        out.append('}');
    }

    /** RFC 8785 3.2.2.2: the two-character escapes, other control characters as lowercase \\u00xx, the rest as is. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        int plain = 0;
        while (plain < text.length() && !escaped(text.charAt(plain))) {
            plain++;
        }
        // Most text (ids, amounts, dates, names) has nothing to escape: appended whole, not char by char.
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
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

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

}
