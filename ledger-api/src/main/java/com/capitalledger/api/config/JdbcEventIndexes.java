package com.capitalledger.api.config;

import com.capitalledger.projections.eventstore.EventIndexes;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Event identifiers to global indexes, from the event table (one indexed query for a whole batch). */
@Component
class JdbcEventIndexes implements EventIndexes {

    private final JdbcTemplate jdbc;
    private final String query;

    JdbcEventIndexes(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        // Table and column names come from the configured schema, not from input.
        this.query = "SELECT " + schema.eventIdentifierColumn() + ", " + schema.globalIndexColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn() + " = ANY (?)";
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> indexes = new HashMap<>();
        if (eventIdentifiers.isEmpty()) {
            return indexes;
        }
        jdbc.query(query, row -> {
            indexes.put(row.getString(1), row.getLong(2));
        }, (Object) eventIdentifiers.toArray(String[]::new));
        return indexes;
    }
}
