package com.capitalledger.api.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved what-if scenarios in PostgreSQL ({@code what_if_scenario}). */
@Component
class Scenarios {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Scenarios(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return empty if its author already has a scenario of that name for the program */
    Optional<SavedScenario> save(String name, String programId, WhatIfRequest request, String createdBy, Instant at) {
        UUID id = UUID.randomUUID();
        // As PostgreSQL keeps it, so the answer to the save reads the same as every later read.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        int saved = jdbc.update("INSERT INTO what_if_scenario (scenario_id, program_id, name, request, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (program_id, created_by, name) DO NOTHING",
                id, programId, name, text(request), createdBy, Timestamp.from(now));
        return saved == 1 ? Optional.of(new SavedScenario(id, name, programId, request, createdBy, now)) : Optional.empty();
    }

    Optional<SavedScenario> find(UUID id) {
        return jdbc.query("SELECT * FROM what_if_scenario WHERE scenario_id = ?", row(), id).stream().findFirst();
    }

    /** Every scenario, or a program's, oldest first. */
    List<SavedScenario> list(String programId) {
        return programId == null
                ? jdbc.query("SELECT * FROM what_if_scenario ORDER BY created_at, scenario_id", row())
                : jdbc.query("SELECT * FROM what_if_scenario WHERE program_id = ? ORDER BY created_at, scenario_id",
                        row(), programId);
    }

    private RowMapper<SavedScenario> row() {
        return (rows, number) -> new SavedScenario(rows.getObject("scenario_id", UUID.class), rows.getString("name"),
                rows.getString("program_id"), request(rows.getString("request")), rows.getString("created_by"),
                rows.getTimestamp("created_at").toInstant());
    }

    private String text(WhatIfRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated what-if request could not be written as JSON", e);
        }
    }

    private WhatIfRequest request(String text) {
        try {
            return json.readValue(text, WhatIfRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved what-if request could not be read back", e);
        }
    }
}
