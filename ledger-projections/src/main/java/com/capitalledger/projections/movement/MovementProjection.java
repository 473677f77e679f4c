package com.capitalledger.projections.movement;

import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The skeleton every movement read model shares. Its one handler takes every event: one of the sealed families the
 * subclass {@link Reads} is recorded with its own global index and written to each table as that table's mapping
 * says. Any other is passed by, its payload never deserialized (one that cannot be is parked only where it is read);
 * handling it all the same lets the processor store its position past it with its next batch, which a query waiting
 * for a ledger position (read-your-writes) reads, on whichever node. A reset empties the tables, which are declared
 * once for rebuilds and the consistency check. A subclass declares only its read model, its tables and the families
 * it reads.
 */
public abstract class MovementProjection implements ProjectedReadModel {

    private final ReadModel readModel;
    private final EventOffsets offsets;
    private final List<RecordedTable<?>> tables;
    private final List<Class<?>> families;

    protected MovementProjection(ReadModel readModel, EventOffsets offsets, RecordedTable<?>... tables) {
        this.readModel = readModel;
        this.offsets = offsets;
        this.tables = List.of(tables);
        this.families = families(getClass());
    }

    /** The families a movement projection reads, as its {@link Reads} names them. */
    public static List<Class<?>> families(Class<?> projection) {
        Reads reads = projection.getAnnotation(Reads.class);
        if (reads == null) {
            throw new IllegalStateException(projection.getName() + " names no event family it reads (@Reads)");
        }
        return List.of(reads.value());
    }

    /** The payload's type is read from the stored type's name: an event of another family is never deserialized. */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event, TrackingToken token) {
        Class<?> type = event.getPayloadType();
        if (families.stream().anyMatch(family -> family.isAssignableFrom(type))) {
            Recorded<Object> recorded = offsets.recorded(event.getPayload(), token, event.getTimestamp());
            tables.forEach(table -> table.record(recorded));
        }
    }

    @ResetHandler
    void reset() {
        tables.forEach(RecordedTable::deleteAll);
    }

    @Override
    public final ReadModel readModel() {
        return readModel;
    }

    @Override
    public final List<TableDerivation<?>> tables() {
        return tables.stream().<TableDerivation<?>>map(RecordedTable::facts).toList();
    }
}
