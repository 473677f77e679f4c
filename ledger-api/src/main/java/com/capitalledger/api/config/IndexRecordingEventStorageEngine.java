package com.capitalledger.api.config;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC engine, which also notes the global index of every event it reads for the processors
 * ({@link RecentEventIndexes}). Each read model records an event under its own index, which a gap-aware token does not
 * always carry (see {@code EventOffsets}); the processors read through one shared reader, so noting the index here,
 * from the row already read, spares every processor a query of the event table per batch.
 */
class IndexRecordingEventStorageEngine extends JdbcEventStorageEngine {

    private final RecentEventIndexes recent;
    private final String globalIndexColumn;

    IndexRecordingEventStorageEngine(Builder builder, RecentEventIndexes recent, String globalIndexColumn) {
        super(builder);
        this.recent = recent;
        this.globalIndexColumn = globalIndexColumn;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(row, previousToken);
        recent.remember(event.getEventIdentifier(), row.getLong(globalIndexColumn));
        return event;
    }
}
