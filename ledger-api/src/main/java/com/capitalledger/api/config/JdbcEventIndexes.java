package com.capitalledger.api.config;

import com.capitalledger.projections.eventstore.EventIndexes;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Event identifiers to global indexes: those this node's reader has just read from memory, the others from the event
 * table (one indexed query for a whole batch).
 */
@Component
class JdbcEventIndexes implements EventIndexes {

    private final JdbcTemplate jdbc;
    private final RecentEventIndexes recent;
    private final String query;

    JdbcEventIndexes(JdbcTemplate jdbc, RecentEventIndexes recent, EventSchema schema) {
        this.jdbc = jdbc;
        this.recent = recent;
        // Table and column names come from the configured schema, not from input.
        this.query = "SELECT " + schema.eventIdentifierColumn() + ", " + schema.globalIndexColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn() + " = ANY (?)";
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> indexes = new HashMap<>(recent.of(eventIdentifiers));
        String[] unknown = eventIdentifiers.stream().filter(identifier -> !indexes.containsKey(identifier))
                .toArray(String[]::new);
        if (unknown.length > 0) {
            jdbc.query(query, row -> {
                indexes.put(row.getString(1), row.getLong(2));
            }, (Object) unknown);
        }
        return indexes;
    }
}
