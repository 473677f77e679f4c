package com.capitalledger.projections.movement;

import com.capitalledger.projections.ProjectedReadModel;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.ReadModelProjection;
import com.capitalledger.projections.TableFacts;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.support.EventPositions;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.List;

/**
 * The skeleton every movement read model shares: each event its handlers take is recorded with its own global index
 * and written to each of its tables as that table's mapping says; a reset empties them; the tables are declared once
 * for rebuilds and the consistency check. A subclass declares its read model, its tables and one handler per event
 * family it reads.
 */
public abstract class MovementProjection extends ReadModelProjection implements ProjectedReadModel {

    private final ReadModel readModel;
    private final EventPositions positions;
    private final List<RecordedTable<?>> tables;

    protected MovementProjection(ReadModel readModel, EventPositions positions, List<RecordedTable<?>> tables) {
        this.readModel = readModel;
        this.positions = positions;
        this.tables = List.copyOf(tables);
    }

    /** Writes the rows the event brings to every table of this read model. */
    protected final void record(Object event, TrackingToken token, Instant recordedAt) {
        Recorded<Object> recorded = positions.recorded(event, token, recordedAt);
        tables.forEach(table -> table.record(recorded));
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
    public final List<TableFacts<?>> tables() {
        return tables.stream().<TableFacts<?>>map(RecordedTable::facts).toList();
    }
}
