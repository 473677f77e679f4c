package com.capitalledger.projections.program;

import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code phase_movement} table. */
@Repository
public class PhaseMovementTable {

    private final FactTable<PhaseMovement> table;

    public PhaseMovementTable(JdbcTemplate jdbc) {
        table = new FactTable<>(jdbc, "phase_movement",
                List.of("global_index", "program_id", "kind", "phase_id", "tranche_id", "name", "amount",
                        "effective_date", "recorded_at"),
                "global_index",
                m -> new Object[]{m.globalIndex(), m.programId(), m.kind().name(), m.phaseId(), m.trancheId(), m.name(),
                        m.amount(), m.effectiveDate(), timestamp(m.recordedAt())},
                (rs, i) -> new PhaseMovement(rs.getLong("global_index"), rs.getString("program_id"),
                        PhaseMovement.Kind.valueOf(rs.getString("kind")), rs.getString("phase_id"),
                        rs.getString("tranche_id"), rs.getString("name"), rs.getBigDecimal("amount"),
                        date(rs, "effective_date"), instant(rs, "recorded_at")));
    }

    public FactTable<PhaseMovement> facts() {
        return table;
    }
}
