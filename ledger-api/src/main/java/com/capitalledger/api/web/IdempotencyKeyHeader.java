package com.capitalledger.api.web;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header: its name and shape, for the filter that enforces it and for whatever
 * records the key with what a request caused; and the header that marks a replayed answer.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    /** The response header that marks a stored answer sent again. */
    public static final String REPLAYED = "Idempotency-Replayed";
    /** An Idempotency-Key: 1 to 200 visible ASCII characters. */
    public static final String SHAPE = "^[\\x21-\\x7E]{1,200}$";
    private static final Pattern WELL_FORMED = Pattern.compile(SHAPE);

    private IdempotencyKeyHeader() {
    }

    public static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches();
    }
}
