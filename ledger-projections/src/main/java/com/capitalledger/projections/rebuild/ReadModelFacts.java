package com.capitalledger.projections.rebuild;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.audit.AuditEntries;
import com.capitalledger.projections.audit.AuditTrail;
import com.capitalledger.projections.calls.CallMovementTable;
import com.capitalledger.projections.calls.CallMovements;
import com.capitalledger.projections.consistency.JournalEvent;
import com.capitalledger.projections.debt.DebtMovements;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.equity.EquityMovements;
import com.capitalledger.projections.program.PhaseMovementTable;
import com.capitalledger.projections.program.PhaseMovements;
import com.capitalledger.projections.program.ProgramSummary;
import com.capitalledger.projections.program.ProgramSummaryRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every read model's facts as a function of one stored event, with the same pure mappings its event handlers use,
 * and a bulk writer per table: what a bulk rebuild loads, table by table, in large JDBC batches.
 */
@Component
public class ReadModelFacts {

    /** One table's rows from one event, and how to write many of them at once. */
    public record TableFacts<F>(String table, java.util.function.Function<JournalEvent, List<F>> rows,
                                Consumer<List<F>> write) {
    }

    private final Map<String, List<TableFacts<?>>> byReadModel = new LinkedHashMap<>();

    public ReadModelFacts(ProgramSummaryRepository programs, PhaseMovementTable phases, EquityMovementTable equity,
                          CallMovementTable calls, DebtTables debt, AuditTrail audit) {
        byReadModel.put("programs", List.of(
                new TableFacts<ProgramSummary>("program_summary", e -> e.payload() instanceof ProgramCreated created
                        ? List.of(ProgramSummary.of(created, e.recordedAt())) : List.of(),
                        rows -> rows.forEach(programs::save)),
                new TableFacts<>("phase_movement", e -> PhaseMovements.of(e.recorded()).stream().toList(),
                        phases.facts()::copyAll)));
        byReadModel.put("investor-positions", List.of(
                new TableFacts<>("equity_movement", e -> EquityMovements.of(e.recorded()), equity.facts()::copyAll)));
        byReadModel.put("capital-calls", List.of(
                new TableFacts<>("call_movement", e -> CallMovements.of(e.recorded()), calls.facts()::copyAll)));
        byReadModel.put("tranches", List.of(
                new TableFacts<>("debt_movement", e -> DebtMovements.of(e.recorded()), debt.movements()::copyAll),
                new TableFacts<>("base_rate_fixing", e -> DebtMovements.fixing(e.recorded()).stream().toList(),
                        debt.fixings()::copyAll)));
        byReadModel.put("audit-trail", List.of(
                new TableFacts<>("audit_entry", e -> List.of(AuditEntries.accepted(e.eventId(), e.globalIndex(),
                        e.payload(), e.recordedAt(), e.metadata())), audit::copyAccepted)));
    }

    public Set<String> readModels() {
        return byReadModel.keySet();
    }

    public List<TableFacts<?>> of(String readModel) {
        List<TableFacts<?>> tables = byReadModel.get(readModel);
        if (tables == null) {
            throw new IllegalArgumentException("unknown read model " + readModel);
        }
        return tables;
    }

    public List<TableFacts<?>> of(Iterable<String> readModels) {
        List<TableFacts<?>> tables = new ArrayList<>();
        readModels.forEach(name -> tables.addAll(of(name)));
        return tables;
    }
}
