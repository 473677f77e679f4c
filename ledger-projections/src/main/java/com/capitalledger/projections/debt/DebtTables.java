package com.capitalledger.projections.debt;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.DebtMovement.Drawn;
import com.capitalledger.projections.fold.debt.DebtMovement.LenderCommitted;
import com.capitalledger.projections.fold.debt.DebtMovement.Repaid;
import com.capitalledger.projections.fold.debt.DebtMovement.Repriced;
import com.capitalledger.projections.fold.debt.DebtMovement.TrancheOpened;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code debt_movement} and {@code base_rate_fixing} tables of the tranche read model. */
@Repository
public class DebtTables {

    private static final List<String> MOVEMENT_COLUMNS = List.of("global_index", "line", "program_id", "tranche_id",
            "kind", "lender_id", "name", "phase_id", "seniority", "base_rate", "rate_pct", "fee_pct", "amount",
            "availability_end", "effective_date", "recorded_at");

    private final FactTable<DebtMovement> movements;
    private final FactTable<FixingRow> fixings;

    public DebtTables(JdbcTemplate jdbc) {
        movements = new FactTable<>(jdbc, "debt_movement", MOVEMENT_COLUMNS, "global_index, line",
                DebtTables::columns, DebtTables::movement);
        fixings = new FactTable<>(jdbc, "base_rate_fixing",
                List.of("global_index", "rate_name", "rate_pct", "effective_date", "recorded_at"),
                "global_index",
                f -> new Object[]{f.globalIndex(), f.rateName(), f.ratePct(), f.effectiveDate(), timestamp(f.recordedAt())},
                (rs, i) -> new FixingRow(rs.getLong("global_index"), rs.getString("rate_name"),
                        rs.getBigDecimal("rate_pct"), date(rs, "effective_date"), instant(rs, "recorded_at")));
    }

    public FactTable<DebtMovement> movements() {
        return movements;
    }

    public FactTable<FixingRow> fixings() {
        return fixings;
    }

    /**
     * The fixings of the given rates in effect up to the as-of date, as known at {@code knownAt}: accruals through
     * the as-of date need every fixing up to it, the position reports the one in effect on it, and later fixings
     * cannot change either.
     */
    public List<FixingRow> fixingsOf(List<String> rateNames, Bitemporal at) {
        if (rateNames.isEmpty()) {
            return List.of();
        }
        return fixings.where("rate_name = ANY (?) AND effective_date <= ? AND recorded_at <= ?",
                rateNames.toArray(String[]::new), at.asOf(), timestamp(at.knownAt()));
    }

    /**
     * The fixing of a rate for a day as known at {@code knownAt}: the last one recorded for that day by then, since a
     * second fixing for a day replaces the first.
     */
    public Optional<FixingRow> fixing(String rateName, LocalDate effectiveDate, Instant knownAt) {
        List<FixingRow> recorded = fixings.where("rate_name = ? AND effective_date = ? AND recorded_at <= ?",
                rateName, effectiveDate, timestamp(knownAt));
        return recorded.isEmpty() ? Optional.empty() : Optional.of(recorded.get(recorded.size() - 1));
    }

    /** A movement's row in the order of {@link #MOVEMENT_COLUMNS}: the columns its kind fills, null in the others. */
    private static Object[] columns(DebtMovement movement) {
        Map<String, Object> row = new HashMap<>();
        row.put("global_index", movement.globalIndex());
        row.put("line", movement.line());
        row.put("program_id", movement.programId());
        row.put("tranche_id", movement.trancheId());
        row.put("kind", movement.kind().name());
        row.put("effective_date", movement.effectiveDate());
        row.put("recorded_at", timestamp(movement.recordedAt()));
        if (movement instanceof TrancheOpened m) {
            row.put("name", m.name());
            row.put("phase_id", m.phaseId());
            row.put("seniority", m.seniority());
            row.put("base_rate", m.baseRate());
            row.put("rate_pct", m.marginPct());
            row.put("fee_pct", m.feePct());
            row.put("amount", m.commitment());
            row.put("availability_end", m.availabilityEnd());
        } else if (movement instanceof LenderCommitted m) {
            row.put("lender_id", m.lenderId());
            row.put("name", m.name());
            row.put("amount", m.commitment());
        } else if (movement instanceof Drawn m) {
            row.put("lender_id", m.lenderId());
            row.put("amount", m.amount());
        } else if (movement instanceof Repaid m) {
            row.put("lender_id", m.lenderId());
            row.put("amount", m.amount());
        } else if (movement instanceof Repriced m) {
            row.put("rate_pct", m.marginPct());
        }
        return MOVEMENT_COLUMNS.stream().map(row::get).toArray();
    }

    private static DebtMovement movement(ResultSet rs, int rowNumber) throws SQLException {
        long index = rs.getLong("global_index");
        int line = rs.getInt("line");
        String program = rs.getString("program_id");
        String tranche = rs.getString("tranche_id");
        LocalDate effective = date(rs, "effective_date");
        Instant recordedAt = instant(rs, "recorded_at");
        return switch (DebtMovement.Kind.valueOf(rs.getString("kind"))) {
            case TRANCHE_CREATED -> new TrancheOpened(index, line, program, tranche, rs.getString("name"),
                    rs.getString("phase_id"), rs.getString("seniority"), rs.getString("base_rate"),
                    rs.getBigDecimal("rate_pct"), rs.getBigDecimal("fee_pct"), rs.getBigDecimal("amount"),
                    date(rs, "availability_end"), effective, recordedAt);
            case LENDER_COMMITTED -> new LenderCommitted(index, line, program, tranche, rs.getString("lender_id"),
                    rs.getString("name"), rs.getBigDecimal("amount"), effective, recordedAt);
            case DRAWN -> new Drawn(index, line, program, tranche, rs.getString("lender_id"),
                    rs.getBigDecimal("amount"), effective, recordedAt);
            case REPAID -> new Repaid(index, line, program, tranche, rs.getString("lender_id"),
                    rs.getBigDecimal("amount"), effective, recordedAt);
            case REPRICED -> new Repriced(index, line, program, tranche, rs.getBigDecimal("rate_pct"), effective,
                    recordedAt);
        };
    }
}
