package com.capitalledger.projections.rebuild;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.audit.AuditTrail;
import com.capitalledger.projections.calls.CallMovementTable;
import com.capitalledger.projections.consistency.StoredEvent;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.fold.audit.AuditEntries;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.program.PhaseMovementTable;
import com.capitalledger.projections.program.ProgramSummaryRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every read model's tables: the facts one stored event brings, with the same pure mappings the event handlers use,
 * how to write them in bulk and how to read them back. A bulk rebuild loads with them; the consistency check
 * compares with them.
 */
@Component
public class ReadModelFacts {

    /**
     * One table of a read model: the rows one event brings, how to write many at once, each row's key, and how to read
     * back the stored rows of events in {@code [from, to)}; a table without event positions has no {@code stored} but
     * an {@code all}, which reads it whole.
     */
    public record TableFacts<F>(String table, Function<StoredEvent, List<F>> rows, Consumer<List<F>> write,
                                Function<F, String> key, BiFunction<Long, Long, List<F>> stored,
                                Supplier<List<F>> all) {
    }

    private static final String RANGE = "global_index >= ? AND global_index < ?";

    private final Map<String, List<TableFacts<?>>> byReadModel = new LinkedHashMap<>();

    public ReadModelFacts(ProgramSummaryRepository programs, PhaseMovementTable phases, EquityMovementTable equity,
                          CallMovementTable calls, DebtTables debt, AuditTrail audit) {
        byReadModel.put("programs", List.of(
                new TableFacts<ProgramSummary>("program_summary", e -> e.payload() instanceof ProgramCreated created
                        ? List.of(ProgramSummary.of(created, e.recordedAt())) : List.of(),
                        rows -> rows.forEach(programs::save), ProgramSummary::programId, null, programs::all),
                new TableFacts<>("phase_movement", e -> PhaseMovements.of(e.recorded()).stream().toList(),
                        phases.facts()::copyAll, m -> m.globalIndex() + "/0",
                        (from, to) -> phases.facts().where(RANGE, from, to), null)));
        byReadModel.put("investor-positions", List.of(
                new TableFacts<>("equity_movement", e -> EquityMovements.of(e.recorded()), equity.facts()::copyAll,
                        m -> m.globalIndex() + "/" + m.line(),
                        (from, to) -> equity.facts().where(RANGE, from, to), null)));
        byReadModel.put("capital-calls", List.of(
                new TableFacts<>("call_movement", e -> CallMovements.of(e.recorded()), calls.facts()::copyAll,
                        m -> m.globalIndex() + "/" + m.line(),
                        (from, to) -> calls.facts().where(RANGE, from, to), null)));
        byReadModel.put("tranches", List.of(
                new TableFacts<>("debt_movement", e -> DebtMovements.of(e.recorded()), debt.movements()::copyAll,
                        m -> m.globalIndex() + "/" + m.line(),
                        (from, to) -> debt.movements().where(RANGE, from, to), null),
                new TableFacts<>("base_rate_fixing", e -> DebtMovements.fixing(e.recorded()).stream().toList(),
                        debt.fixings()::copyAll, f -> f.globalIndex() + "/0",
                        (from, to) -> debt.fixings().where(RANGE, from, to), null)));
        byReadModel.put("audit-trail", List.of(
                new TableFacts<>("audit_entry", e -> List.of(AuditEntries.of(e.eventId(), e.globalIndex(),
                        e.payload(), e.recordedAt(), e.metadata())), audit::copy,
                        a -> a.position() + "/0", audit::between, null)));
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
