package com.capitalledger.api.web;

import com.capitalledger.core.shared.Ids;

import java.util.function.Function;
import java.util.regex.Pattern;

/** Identifiers taken from a URL path: well formed, or a 400 naming the path variable. */
public final class PathIds {

    private static final Pattern SHAPE = Pattern.compile(Ids.PATTERN);

    private PathIds() {
    }

    public static <I> I parse(String variable, String value, Function<String, I> type) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidParameter(variable, Shapes.ID_MESSAGE);
        }
        return type.apply(value);
    }
}
