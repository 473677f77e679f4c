package com.capitalledger.projections.consistency;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.audit.AuditEntries;
import com.capitalledger.projections.audit.AuditEntry;
import com.capitalledger.projections.audit.AuditTrail;
import com.capitalledger.projections.calls.CallMovement;
import com.capitalledger.projections.calls.CallMovementTable;
import com.capitalledger.projections.calls.CallMovements;
import com.capitalledger.projections.debt.DebtMovement;
import com.capitalledger.projections.debt.DebtMovements;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.debt.FixingRow;
import com.capitalledger.projections.equity.EquityMovement;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.equity.EquityMovements;
import com.capitalledger.projections.program.PhaseMovement;
import com.capitalledger.projections.program.PhaseMovementTable;
import com.capitalledger.projections.program.PhaseMovements;
import com.capitalledger.projections.program.ProgramSummary;
import com.capitalledger.projections.program.ProgramSummaryRepository;
import com.capitalledger.projections.support.FactTable;
import org.springframework.stereotype.Service;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Folds the event store afresh with the read models' own mappings and compares the result, row by row and column by
 * column, with what the tables hold. Works through the journal in chunks of global indexes, so memory stays bounded
 * however long the history.
 */
@Service
public class ConsistencyCheck {

    private static final int CHUNK = 5_000;
    private static final int LISTED = 100;

    private final EquityMovementTable equity;
    private final CallMovementTable calls;
    private final DebtTables debt;
    private final PhaseMovementTable phases;
    private final ProgramSummaryRepository programs;
    private final AuditTrail audit;

    public ConsistencyCheck(EquityMovementTable equity, CallMovementTable calls, DebtTables debt,
                            PhaseMovementTable phases, ProgramSummaryRepository programs, AuditTrail audit) {
        this.equity = equity;
        this.calls = calls;
        this.debt = debt;
        this.phases = phases;
        this.programs = programs;
        this.audit = audit;
    }

    /** @param journal every stored event in global-index order */
    public ConsistencyReport check(Stream<JournalEvent> journal) {
        Findings findings = new Findings();
        Map<String, ProgramSummary> expectedPrograms = new TreeMap<>();
        Iterator<JournalEvent> events = journal.iterator();
        long checked = 0;
        List<JournalEvent> chunk = new ArrayList<>(CHUNK);
        long chunkStart = 0;
        while (events.hasNext()) {
            JournalEvent event = events.next();
            checked++;
            if (event.payload() instanceof ProgramCreated created) {
                expectedPrograms.put(created.programId().value(), ProgramSummary.of(created, event.recordedAt()));
            }
            chunk.add(event);
            if (chunk.size() == CHUNK) {
                long chunkEnd = event.globalIndex() + 1;
                compareChunk(chunk, chunkStart, chunkEnd, findings);
                chunk.clear();
                chunkStart = chunkEnd;
            }
        }
        compareChunk(chunk, chunkStart, Long.MAX_VALUE, findings);
        compare("program_summary", expectedPrograms, rowsByKey(programs.all(), ProgramSummary::programId), findings);

        Map<String, Long> rows = new LinkedHashMap<>();
        for (FactTable<?> table : List.of(equity.facts(), calls.facts(), debt.movements(), debt.fixings(), phases.facts())) {
            rows.put(table.name(), table.count());
        }
        rows.put("program_summary", (long) programs.all().size());
        rows.put("audit_entry (accepted)", audit.countAccepted());
        return new ConsistencyReport(checked, rows, findings.count, List.copyOf(findings.listed));
    }

    private void compareChunk(List<JournalEvent> chunk, long from, long to, Findings findings) {
        String range = "global_index >= ? AND global_index < ?";
        compare(equity.facts().name(), expected(chunk, e -> EquityMovements.of(e.recorded()), EquityMovement::globalIndex,
                        EquityMovement::line),
                keyed(equity.facts().where(range, from, to), EquityMovement::globalIndex, EquityMovement::line), findings);
        compare(calls.facts().name(), expected(chunk, e -> CallMovements.of(e.recorded()), CallMovement::globalIndex,
                        CallMovement::line),
                keyed(calls.facts().where(range, from, to), CallMovement::globalIndex, CallMovement::line), findings);
        compare(debt.movements().name(), expected(chunk, e -> DebtMovements.of(e.recorded()), DebtMovement::globalIndex,
                        DebtMovement::line),
                keyed(debt.movements().where(range, from, to), DebtMovement::globalIndex, DebtMovement::line), findings);
        compare(debt.fixings().name(), expected(chunk, e -> DebtMovements.fixing(e.recorded()).stream().toList(),
                        FixingRow::globalIndex, f -> 0),
                keyed(debt.fixings().where(range, from, to), FixingRow::globalIndex, f -> 0), findings);
        compare(phases.facts().name(), expected(chunk, e -> PhaseMovements.of(e.recorded()).stream().toList(),
                        PhaseMovement::globalIndex, m -> 0),
                keyed(phases.facts().where(range, from, to), PhaseMovement::globalIndex, m -> 0), findings);
        compare("audit_entry", expected(chunk, e -> List.of(AuditEntries.accepted(e.eventId(), e.globalIndex(),
                        e.payload(), e.recordedAt(), e.metadata())), AuditEntry::position, a -> 0),
                keyed(audit.acceptedBetween(from, to), AuditEntry::position, a -> 0), findings);
    }

    private static <F> Map<String, F> expected(List<JournalEvent> chunk, Function<JournalEvent, List<F>> facts,
                                               Function<F, Long> index, Function<F, Integer> line) {
        List<F> all = new ArrayList<>();
        chunk.forEach(event -> all.addAll(facts.apply(event)));
        return keyed(all, index, line);
    }

    private static <F> Map<String, F> keyed(List<F> facts, Function<F, Long> index, Function<F, Integer> line) {
        return rowsByKey(facts, fact -> index.apply(fact) + "/" + line.apply(fact));
    }

    private static <F> Map<String, F> rowsByKey(List<F> facts, Function<F, String> key) {
        Map<String, F> byKey = new TreeMap<>();
        facts.forEach(fact -> byKey.put(key.apply(fact), fact));
        return byKey;
    }

    private static <F> void compare(String table, Map<String, F> expected, Map<String, F> actual, Findings findings) {
        expected.forEach((key, row) -> {
            F stored = actual.get(key);
            if (stored == null) {
                findings.add(new Difference(table, key, Difference.Kind.MISSING, row.toString(), null));
            } else if (!normalized(row).equals(normalized(stored))) {
                findings.add(new Difference(table, key, Difference.Kind.DIFFERENT, row.toString(), stored.toString()));
            }
        });
        actual.forEach((key, row) -> {
            if (!expected.containsKey(key)) {
                findings.add(new Difference(table, key, Difference.Kind.UNEXPECTED, null, row.toString()));
            }
        });
    }

    /** A row's values with decimals compared by value: 2.25 and 2.25000 (numeric(9,5)) are the same rate. */
    private static List<Object> normalized(Object row) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(row);
                values.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static final class Findings {
        private long count;
        private final List<Difference> listed = new ArrayList<>();

        private void add(Difference difference) {
            count++;
            if (listed.size() < LISTED) {
                listed.add(difference);
            }
        }
    }
}
