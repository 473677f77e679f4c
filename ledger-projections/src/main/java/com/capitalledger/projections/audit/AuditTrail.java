package com.capitalledger.projections.audit;

import com.capitalledger.projections.fold.audit.AuditEntry;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code audit_entry} table: a line per event of the store, accepted events and refusals alike. */
@Repository
public class AuditTrail {

    private static final List<String> COLUMNS = List.of("entry_id", "position", "outcome", "code", "type", "detail",
            "program_id", "investor_id", "counterparty_id", "tranche_id", "call_id", "phase_id", "reference_id",
            "amount", "effective_date", "recorded_at", "actor", "client", "reason", "correlation_id", "causation_id",
            "idempotency_key");

    /** Lines with their journal sequence (null until the journal holds their event). */
    private static final String SELECT = "SELECT a.*, j.seq FROM audit_entry a "
            + "LEFT JOIN journal_entry j ON j.event_identifier = a.entry_id WHERE ";
    private static final String ORDER = " ORDER BY a.recorded_at, COALESCE(a.position, -1), a.entry_id";

    private static final RowMapper<AuditEntry> ROW = (rs, i) -> new AuditEntry(rs.getString("entry_id"),
            (Long) rs.getObject("position"), AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("code"), rs.getString("type"),
            rs.getString("detail"), rs.getString("program_id"), rs.getString("investor_id"),
            rs.getString("counterparty_id"), rs.getString("tranche_id"), rs.getString("call_id"),
            rs.getString("phase_id"), rs.getString("reference_id"), rs.getBigDecimal("amount"),
            date(rs, "effective_date"), instant(rs, "recorded_at"), rs.getString("actor"),
            rs.getString("client"), rs.getString("reason"), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("idempotency_key"), (Long) rs.getObject("seq"));

    /** Rows an export fetches from PostgreSQL at a time. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final FactTable<AuditEntry> table;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.table = new FactTable<>(jdbc, "audit_entry", COLUMNS, "entry_id",
                e -> new Object[]{e.entryId(), e.position(), e.outcome().name(), e.code(), e.type(), e.detail(),
                        e.programId(), e.investorId(), e.counterpartyId(), e.trancheId(), e.callId(), e.phaseId(),
                        e.referenceId(), e.amount(), e.effectiveDate(), timestamp(e.recordedAt()), e.actor(),
                        e.client(), e.reason(), e.correlationId(), e.causationId(), e.idempotencyKey()},
                ROW);
    }

    /** Lines written at once, for a bulk rebuild. */
    public void copy(List<AuditEntry> entries) {
        table.copyAll(entries);
    }

    /** An event's line, batched with its processor's unit of work. */
    public void record(AuditEntry entry) {
        table.insert(entry);
    }

    /**
     * One page: at most {@code limit} lines the filter selects, in trail order, after {@code after} if given. Read-only,
     * so that where a read replica is configured it is read there, as queries are.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, AuditFilter.Cursor after, int limit) {
        Where where = where(filter);
        if (after != null) {
            where.sql.append(" AND (a.recorded_at, COALESCE(a.position, -1), a.entry_id) > (?, ?, ?)");
            where.parameters.add(timestamp(after.recordedAt()));
            where.parameters.add(after.position());
            where.parameters.add(after.entryId());
        }
        where.parameters.add(limit);
        return jdbc.query(SELECT + where.sql + ORDER + " LIMIT ?", ROW, where.parameters.toArray());
    }

    /**
     * Every line the filter selects, in trail order, handed to {@code line} as PostgreSQL sends them: a read-only
     * transaction lets the driver fetch {@value #EXPORT_FETCH_SIZE} rows at a time through a cursor, so an export of
     * the whole trail holds no more than that in memory, and reads one consistent snapshot.
     */
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditEntry> line) {
        Where where = where(filter);
        String sql = SELECT + where.sql + ORDER;
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < where.parameters.size(); i++) {
                statement.setObject(i + 1, where.parameters.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> line.accept(ROW.mapRow(rs, rs.getRow())));
    }

    /** The lines of events in {@code [from, to)}: what the consistency check compares (without their seq). */
    public List<AuditEntry> between(long from, long to) {
        return jdbc.query("SELECT a.*, NULL AS seq FROM audit_entry a WHERE position >= ? AND position < ? "
                + "ORDER BY position", ROW, from, to);
    }

    /**
     * A rebuild removes every line it can write again from the event store: all but the refusals recorded before
     * refusals were events, which are their sole record.
     */
    public void deleteRebuildable() {
        jdbc.update("DELETE FROM audit_entry WHERE position IS NOT NULL");
    }

    /** A filter's conditions as SQL with its bind parameters. */
    private record Where(StringBuilder sql, List<Object> parameters) {

        void condition(String condition, Object value) {
            if (value != null) {
                sql.append(" AND ").append(condition);
                parameters.add(value);
            }
        }
    }

    private static Where where(AuditFilter filter) {
        Where where = new Where(new StringBuilder("TRUE"), new ArrayList<>());
        where.condition("a.program_id = ?", filter.programId());
        if (filter.investorId() != null) {
            where.sql.append(" AND (a.investor_id = ? OR a.counterparty_id = ?)");
            where.parameters.add(filter.investorId());
            where.parameters.add(filter.investorId());
        }
        where.condition("a.tranche_id = ?", filter.trancheId());
        where.condition("a.actor = ?", filter.actor());
        where.condition("a.type = ?", filter.type());
        where.condition("a.outcome = ?", filter.outcome() == null ? null : filter.outcome().name());
        where.condition("a.recorded_at >= ?", filter.from() == null ? null : timestamp(filter.from()));
        where.condition("a.recorded_at < ?", filter.to() == null ? null : timestamp(filter.to()));
        return where;
    }
}
