package com.capitalledger.projections.movement;

import com.capitalledger.projections.fold.Fact;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.support.FactTable;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One table of a read model with the pure mapping from an event to its rows: the handlers write those rows, a reset
 * empties it, and its {@link TableDerivation} serve a bulk rebuild and the consistency check with the same mapping.
 */
public final class RecordedTable<F> {

    private final Function<Recorded<?>, List<F>> rows;
    private final Consumer<F> insert;
    private final Runnable deleteAll;
    private final TableDerivation<F> facts;

    public RecordedTable(Function<Recorded<?>, List<F>> rows, Consumer<F> insert, Runnable deleteAll,
                         TableDerivation<F> facts) {
        this.rows = rows;
        this.insert = insert;
        this.deleteAll = deleteAll;
        this.facts = facts;
    }

    /** A table of facts keyed by their event's global index and line, read back by index range. */
    public static <F extends Fact> RecordedTable<F> of(FactTable<F> table, Function<Recorded<?>, List<F>> rows) {
        return new RecordedTable<>(rows, table::insert, table::deleteAll, new TableDerivation<>(table.name(),
                event -> rows.apply(event.recorded()), table::copyAll, Fact::key,
                (from, to) -> table.where(TableDerivation.RANGE, from, to), null));
    }

    void record(Recorded<?> recorded) {
        rows.apply(recorded).forEach(insert);
    }

    void deleteAll() {
        deleteAll.run();
    }

    TableDerivation<F> facts() {
        return facts;
    }
}
