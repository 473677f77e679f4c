package com.capitalledger.projections.readmodel;

import com.capitalledger.projections.eventstore.StoredEvent;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one table of a read model derives from the event store: the rows one stored event brings (with the same pure
 * mappings the projection's event handlers use), how to write many at once, each row's key, and how to read back the
 * stored rows of events in {@code [from, to)}; a table without event indexes has no {@code stored} but an {@code all},
 * which reads it whole. A bulk rebuild loads with these; the table check compares with them. (The table itself, its
 * SQL, is a {@code support.FactTable}.)
 */
public record TableDerivation<F>(String table, Function<StoredEvent, List<F>> rows, Consumer<List<F>> write,
                                 Function<F, String> key, BiFunction<Long, Long, List<F>> stored,
                                 Supplier<List<F>> all) {

    /** Events in {@code [from, to)} by global index, for {@link #stored}. */
    public static final String RANGE = "global_index >= ? AND global_index < ?";
}
