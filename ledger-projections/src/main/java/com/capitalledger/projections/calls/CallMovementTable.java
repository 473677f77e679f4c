package com.capitalledger.projections.calls;

import com.capitalledger.projections.fold.calls.CallMovement;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code call_movement} table. */
@Repository
public class CallMovementTable {

    private final FactTable<CallMovement> table;

    public CallMovementTable(JdbcTemplate jdbc) {
        table = new FactTable<>(jdbc, "call_movement",
                List.of("global_index", "line", "program_id", "call_id", "kind", "phase_id", "investor_id", "amount",
                        "purpose", "effective_date", "recorded_at"),
                "global_index, line",
                m -> new Object[]{m.globalIndex(), m.line(), m.programId(), m.callId(), m.kind().name(), m.phaseId(),
                        m.investorId(), m.amount(), m.purpose(), m.effectiveDate(), timestamp(m.recordedAt())},
                (rs, i) -> new CallMovement(rs.getLong("global_index"), rs.getInt("line"), rs.getString("program_id"),
                        rs.getString("call_id"), CallMovement.Kind.valueOf(rs.getString("kind")),
                        rs.getString("phase_id"), rs.getString("investor_id"), rs.getBigDecimal("amount"),
                        rs.getString("purpose"), date(rs, "effective_date"), instant(rs, "recorded_at")));
    }

    public FactTable<CallMovement> facts() {
        return table;
    }
}
