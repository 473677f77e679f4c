package com.capitalledger.projections;

import com.capitalledger.projections.consistency.StoredEvent;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One table of a read model: the rows one stored event brings (with the same pure mappings the projection's event
 * handlers use), how to write many at once, each row's key, and how to read back the stored rows of events in
 * {@code [from, to)}; a table without event positions has no {@code stored} but an {@code all}, which reads it whole.
 * A bulk rebuild loads with these; the consistency check compares with them.
 */
public record TableFacts<F>(String table, Function<StoredEvent, List<F>> rows, Consumer<List<F>> write,
                            Function<F, String> key, BiFunction<Long, Long, List<F>> stored,
                            Supplier<List<F>> all) {

    /** Events in {@code [from, to)} by global index, for {@link #stored}. */
    public static final String RANGE = "global_index >= ? AND global_index < ?";
}
