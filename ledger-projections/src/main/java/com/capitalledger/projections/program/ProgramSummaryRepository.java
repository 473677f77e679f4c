package com.capitalledger.projections.program;

import com.capitalledger.projections.fold.program.ProgramSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code program_summary} table. */
@Repository
public class ProgramSummaryRepository {

    private static final RowMapper<ProgramSummary> ROW = (rs, i) -> new ProgramSummary(
            rs.getString("program_id"),
            rs.getString("name"),
            rs.getString("currency"),
            rs.getBigDecimal("target_amount"),
            rs.getBigDecimal("max_debt_pct"),
            rs.getObject("effective_date", LocalDate.class),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final NamedParameterJdbcTemplate jdbc;

    public ProgramSummaryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: events are delivered at least once, so a redelivered creation rewrites the same row. */
    public void save(ProgramSummary summary) {
        jdbc.update("""
                INSERT INTO program_summary (program_id, name, currency, target_amount, max_debt_pct, effective_date, recorded_at)
                VALUES (:programId, :name, :currency, :targetAmount, :maxDebtPct, :effectiveDate, :recordedAt)
                ON CONFLICT (program_id) DO UPDATE SET
                    name = EXCLUDED.name, currency = EXCLUDED.currency, target_amount = EXCLUDED.target_amount,
                    max_debt_pct = EXCLUDED.max_debt_pct, effective_date = EXCLUDED.effective_date,
                    recorded_at = EXCLUDED.recorded_at
                """, new MapSqlParameterSource()
                .addValue("programId", summary.programId())
                .addValue("name", summary.name())
                .addValue("currency", summary.currency())
                .addValue("targetAmount", summary.targetAmount())
                .addValue("maxDebtPct", summary.maxDebtPct())
                .addValue("effectiveDate", summary.effectiveDate())
                .addValue("recordedAt", summary.recordedAt().atOffset(ZoneOffset.UTC)));
    }

    /** Read-only, so that where a read replica is configured the program's terms are read there, as queries are. */
    @Transactional(readOnly = true)
    public Optional<ProgramSummary> find(String programId) {
        return jdbc.query("SELECT * FROM program_summary WHERE program_id = :programId",
                new MapSqlParameterSource("programId", programId), ROW).stream().findFirst();
    }

    public List<ProgramSummary> all() {
        return jdbc.query("SELECT * FROM program_summary ORDER BY program_id", ROW);
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().update("DELETE FROM program_summary");
    }
}
