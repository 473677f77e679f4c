package com.capitalledger.core.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one shape every business identifier shares, so an id can travel in a URL, a CSV cell and a log line as is. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private Ids() {
    }

    /** Returns the value if it is a well-formed identifier; a malformed one is a programming error at this depth. */
    public static String require(String kind, String value) {
        Objects.requireNonNull(value, kind);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must match " + PATTERN + ": '" + value + "'");
        }
        return value;
    }
}
