package com.capitalledger.projections.audit;

import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code audit_entry} table: accepted events written by the audit-trail processor, rejections by the command path. */
@Repository
public class AuditTrail {

    private static final List<String> COLUMNS = List.of("entry_id", "position", "outcome", "code", "type", "detail",
            "program_id", "investor_id", "counterparty_id", "tranche_id", "call_id", "phase_id", "reference_id",
            "amount", "effective_date", "recorded_at", "actor", "client", "reason", "correlation_id", "causation_id",
            "idempotency_key");

    private static final RowMapper<AuditEntry> ROW = (rs, i) -> new AuditEntry(rs.getString("entry_id"),
            (Long) rs.getObject("position"), AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("code"), rs.getString("type"),
            rs.getString("detail"), rs.getString("program_id"), rs.getString("investor_id"),
            rs.getString("counterparty_id"), rs.getString("tranche_id"), rs.getString("call_id"),
            rs.getString("phase_id"), rs.getString("reference_id"), rs.getBigDecimal("amount"),
            date(rs, "effective_date"), instant(rs, "recorded_at"), rs.getString("actor"),
            rs.getString("client"), rs.getString("reason"), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("idempotency_key"));

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

    /** Accepted events' lines written at once, for a bulk rebuild. */
    public void copyAccepted(List<AuditEntry> entries) {
        table.copyAll(entries);
    }

    /** An accepted event's line, batched with its processor's unit of work. */
    public void recordAccepted(AuditEntry entry) {
        table.insert(entry);
    }

    /**
     * A rejection's line, in a transaction of its own: the rejected command's own transaction has rolled back, and
     * its record must not.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRejected(AuditEntry entry) {
        table.insertAll(List.of(entry));
    }

    public List<AuditEntry> find(AuditFilter filter) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, "program_id = ?", filter.programId());
        if (filter.investorId() != null) {
            where.append(" AND (investor_id = ? OR counterparty_id = ?)");
            parameters.add(filter.investorId());
            parameters.add(filter.investorId());
        }
        condition(where, parameters, "tranche_id = ?", filter.trancheId());
        condition(where, parameters, "actor = ?", filter.actor());
        condition(where, parameters, "type = ?", filter.type());
        condition(where, parameters, "outcome = ?", filter.outcome() == null ? null : filter.outcome().name());
        condition(where, parameters, "recorded_at >= ?", filter.from() == null ? null : timestamp(filter.from()));
        condition(where, parameters, "recorded_at < ?", filter.to() == null ? null : timestamp(filter.to()));
        if (filter.after() != null) {
            where.append(" AND (recorded_at, entry_id) > (?, ?)");
            parameters.add(timestamp(filter.after().recordedAt()));
            parameters.add(filter.after().entryId());
        }
        parameters.add(filter.limit());
        return jdbc.query("SELECT * FROM audit_entry WHERE " + where + " ORDER BY recorded_at, entry_id LIMIT ?",
                ROW, parameters.toArray());
    }

    /** The processor's lines for events in {@code [from, to)}: what the consistency check compares. */
    public List<AuditEntry> acceptedBetween(long from, long to) {
        return jdbc.query("SELECT * FROM audit_entry WHERE outcome = 'ACCEPTED' AND position >= ? AND position < ? "
                + "ORDER BY position", ROW, from, to);
    }

    /** A rebuild removes the processor's lines only; rejections are the sole record of what was refused. */
    public void deleteAccepted() {
        jdbc.update("DELETE FROM audit_entry WHERE outcome = 'ACCEPTED'");
    }

    private static void condition(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.add(value);
        }
    }
}
