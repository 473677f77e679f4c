package com.capitalledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-model table of facts, one row per fact, keyed by the event's global index: insert (batched per unit of
 * work, idempotent on redelivery), read one program's facts as of a date and as known at an instant, read all,
 * empty for a rebuild. Every SQL statement takes bind parameters only; names come from code, never from input.
 */
public final class FactTable<F> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String insert;
    private final String order;
    private final Function<F, Object[]> values;
    private final RowMapper<F> mapper;

    /**
     * @param columns the table's columns in the order {@code values} lists them
     * @param key     the primary-key columns, which also give the stream order
     */
    public FactTable(JdbcTemplate jdbc, String table, List<String> columns, String key, Function<F, Object[]> values,
                     RowMapper<F> mapper) {
        this.jdbc = jdbc;
        this.table = table;
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ") ON CONFLICT (" + key + ") DO NOTHING";
        this.order = key;
        this.values = values;
        this.mapper = mapper;
    }

    public String name() {
        return table;
    }

    public void insert(F fact) {
        UnitOfWorkBatch.add(table, fact, this::insertAll);
    }

    public void insertAll(List<F> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(facts.size());
        facts.forEach(fact -> rows.add(values.apply(fact)));
        jdbc.batchUpdate(insert, rows);
    }

    /** One program's facts effective by {@code at.asOf()} and recorded by {@code at.knownAt()}, in stream order. */
    public List<F> forProgram(String programId, Bitemporal at) {
        return jdbc.query("SELECT * FROM " + table
                        + " WHERE program_id = ? AND effective_date <= ? AND recorded_at <= ? ORDER BY " + order,
                mapper, programId, at.asOf(), timestamp(at.knownAt()));
    }

    /** Facts selected by a condition on this table's columns, with its bind parameters, in stream order. */
    public List<F> where(String condition, Object... parameters) {
        return jdbc.query("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + order, mapper, parameters);
    }

    public List<F> all() {
        return jdbc.query("SELECT * FROM " + table + " ORDER BY " + order, mapper);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    /** An instant as a bind parameter for a {@code timestamptz} column, independent of the JVM's time zone. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
