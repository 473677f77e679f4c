package com.capitalledger.projections.equity;

import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.support.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/** The {@code equity_movement} table. */
@Repository
public class EquityMovementTable {

    private final FactTable<EquityMovement> table;

    public EquityMovementTable(JdbcTemplate jdbc) {
        table = new FactTable<>(jdbc, "equity_movement",
                List.of("global_index", "line", "program_id", "investor_id", "kind", "investor_name", "call_id",
                        "committed", "called", "defaulted", "effective_date", "recorded_at"),
                "global_index, line",
                m -> new Object[]{m.globalIndex(), m.line(), m.programId(), m.investorId(), m.kind().name(),
                        m.investorName(), m.callId(), m.committed(), m.called(), m.defaulted(), m.effectiveDate(),
                        timestamp(m.recordedAt())},
                (rs, i) -> new EquityMovement(rs.getLong("global_index"), rs.getInt("line"), rs.getString("program_id"),
                        rs.getString("investor_id"), EquityMovement.Kind.valueOf(rs.getString("kind")),
                        rs.getString("investor_name"), rs.getString("call_id"), rs.getBigDecimal("committed"),
                        rs.getBigDecimal("called"), rs.getBigDecimal("defaulted"), date(rs, "effective_date"),
                        instant(rs, "recorded_at")));
    }

    public FactTable<EquityMovement> facts() {
        return table;
    }
}
