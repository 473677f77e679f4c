package com.capitalledger.projections.support;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.checkpoint.Versioned;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A read-model table of facts, one row per fact, keyed by the event's global index: insert (batched per unit of
 * work, idempotent on redelivery), read one program's facts as of a date and as known at an instant, read all,
 * empty for a rebuild. Every SQL statement takes bind parameters only; names come from code, never from input.
 */
public final class FactTable<F> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String insert;
    private final String copy;
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
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv, FREEZE)";
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

    /**
     * Writes many facts with PostgreSQL's {@code COPY}, several times faster than batched inserts, for a bulk
     * rebuild into emptied tables (no conflict handling: a duplicate key fails the load). The rows are written
     * frozen, so the table must have been truncated in the current transaction (PostgreSQL refuses otherwise).
     */
    public void copyAll(List<F> facts) {
        if (facts.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(facts.size() * 128);
        for (F fact : facts) {
            Object[] row = values.apply(fact);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                appendCsv(csv, row[i]);
            }
            csv.append('\n');
        }
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot copy " + facts.size() + " rows into " + table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * CSV as COPY reads it: an unquoted empty field is NULL. Text is quoted (it may be empty, or hold commas, quotes
     * or line breaks); whole numbers, decimals, dates and times never are any of those, and go in as they print.
     */
    private static void appendCsv(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof TemporalAccessor) {
            csv.append(value);
        } else {
            String text = value.toString();
            csv.append('"').append(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\"")).append('"');
        }
    }

    /** One program's facts effective by {@code at.asOf()} and recorded by {@code at.knownAt()}, in stream order. */
    public List<F> forProgram(String programId, Bitemporal at) {
        return jdbc.query("SELECT * FROM " + table
                        + " WHERE program_id = ? AND effective_date <= ? AND recorded_at <= ? ORDER BY " + order,
                mapper, programId, at.asOf(), timestamp(at.knownAt()));
    }

    /**
     * One program's facts of global index {@code fromIndex} to {@code toIndex}, in stream order, each with its row's
     * version (PostgreSQL's {@code xmin}): those effective by {@code at.asOf()} and recorded by {@code at.knownAt()},
     * or all when {@code at} is null. The tail of a query or of a fold after a checkpoint.
     */
    public List<Versioned<F>> from(String programId, long fromIndex, long toIndex, Bitemporal at) {
        String sql = "SELECT xmin::text::bigint AS row_version, * FROM " + table
                + " WHERE program_id = ? AND global_index BETWEEN ? AND ?"
                + (at == null ? "" : " AND effective_date <= ? AND recorded_at <= ?") + " ORDER BY " + order;
        RowMapper<Versioned<F>> versioned = (rs, i) -> new Versioned<>(mapper.mapRow(rs, i), rs.getLong("row_version"));
        return at == null ? jdbc.query(sql, versioned, programId, fromIndex, toIndex)
                : jdbc.query(sql, versioned, programId, fromIndex, toIndex, at.asOf(), timestamp(at.knownAt()));
    }

    /** Facts selected by a condition on this table's columns, with its bind parameters, in stream order. */
    public List<F> where(String condition, Object... parameters) {
        return jdbc.query("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + order, mapper, parameters);
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
