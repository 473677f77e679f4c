package com.capitalledger.projections.debt;

import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code debt_movement} and {@code base_rate_fixing} tables of the tranche read model. */
@Repository
public class DebtTables {

    private final FactTable<DebtMovement> movements;
    private final FactTable<FixingRow> fixings;

    public DebtTables(JdbcTemplate jdbc) {
        movements = new FactTable<>(jdbc, "debt_movement",
                List.of("global_index", "line", "program_id", "tranche_id", "kind", "lender_id", "name", "phase_id",
                        "seniority", "base_rate", "rate_pct", "fee_pct", "amount", "availability_end",
                        "effective_date", "recorded_at"),
                "global_index, line",
                m -> new Object[]{m.globalIndex(), m.line(), m.programId(), m.trancheId(), m.kind().name(),
                        m.lenderId(), m.name(), m.phaseId(), m.seniority(), m.baseRate(), m.ratePct(), m.feePct(),
                        m.amount(), m.availabilityEnd(), m.effectiveDate(), timestamp(m.recordedAt())},
                (rs, i) -> new DebtMovement(rs.getLong("global_index"), rs.getInt("line"), rs.getString("program_id"),
                        rs.getString("tranche_id"), DebtMovement.Kind.valueOf(rs.getString("kind")),
                        rs.getString("lender_id"), rs.getString("name"), rs.getString("phase_id"),
                        rs.getString("seniority"), rs.getString("base_rate"), rs.getBigDecimal("rate_pct"),
                        rs.getBigDecimal("fee_pct"), rs.getBigDecimal("amount"), date(rs, "availability_end"),
                        date(rs, "effective_date"), instant(rs, "recorded_at")));
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
}
