package com.capitalledger.projections.tablecheck;

import com.capitalledger.projections.eventstore.StoredEvent;
import com.capitalledger.projections.readmodel.ReadModelRegistry;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.springframework.stereotype.Service;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fold-vs-table check (the API's consistency check): folds the event store afresh with the read models' own mappings and compares the result, row by row and column by
 * column, with what the tables hold. Works through the journal in chunks of global indexes, so memory stays bounded
 * however long the history (a table without event indexes, such as {@code program_summary}, is compared whole).
 */
@Service
public class TableCheck {

    private static final int CHUNK = 5_000;
    private static final int LISTED = 100;

    private final ReadModelRegistry facts;

    public TableCheck(ReadModelRegistry facts) {
        this.facts = facts;
    }

    /** @param journal every stored event in global-index order */
    public ConsistencyReport check(Stream<StoredEvent> journal) {
        List<TableDerivation<?>> tables = facts.all();
        Findings findings = new Findings();
        Map<String, Map<String, Object>> wholeTables = new LinkedHashMap<>();
        tables.stream().filter(t -> t.stored() == null).forEach(t -> wholeTables.put(t.table(), new TreeMap<>()));
        Iterator<StoredEvent> events = journal.iterator();
        long checked = 0;
        List<StoredEvent> chunk = new ArrayList<>(CHUNK);
        long chunkStart = 0;
        while (events.hasNext()) {
            StoredEvent event = events.next();
            checked++;
            chunk.add(event);
            if (chunk.size() == CHUNK) {
                long chunkEnd = event.globalIndex() + 1;
                compareChunk(tables, chunk, chunkStart, chunkEnd, wholeTables, findings);
                chunk.clear();
                chunkStart = chunkEnd;
            }
        }
        compareChunk(tables, chunk, chunkStart, Long.MAX_VALUE, wholeTables, findings);
        for (TableDerivation<?> table : tables) {
            if (table.stored() == null) {
                Map<String, Object> stored = keyed(table, table.all().get());
                findings.rows.merge(table.table(), (long) stored.size(), Long::sum);
                compare(table.table(), wholeTables.get(table.table()), stored, findings);
            }
        }
        return new ConsistencyReport(checked, findings.rows, findings.count, List.copyOf(findings.listed));
    }

    private static void compareChunk(List<TableDerivation<?>> tables, List<StoredEvent> chunk, long from, long to,
                                     Map<String, Map<String, Object>> wholeTables, Findings findings) {
        for (TableDerivation<?> table : tables) {
            Map<String, Object> expected = expected(table, chunk);
            if (table.stored() == null) {
                wholeTables.get(table.table()).putAll(expected);
            } else {
                Map<String, Object> stored = keyed(table, table.stored().apply(from, to));
                findings.rows.merge(table.table(), (long) stored.size(), Long::sum);
                compare(table.table(), expected, stored, findings);
            }
        }
    }

    private static <F> Map<String, Object> expected(TableDerivation<F> table, List<StoredEvent> chunk) {
        List<F> rows = new ArrayList<>();
        chunk.forEach(event -> rows.addAll(table.rows().apply(event)));
        return keyed(table, rows);
    }

    @SuppressWarnings("unchecked")
    private static <F> Map<String, Object> keyed(TableDerivation<F> table, List<?> rows) {
        Map<String, Object> byKey = new TreeMap<>();
        rows.forEach(row -> byKey.put(table.key().apply((F) row), row));
        return byKey;
    }

    private static void compare(String table, Map<String, Object> expected, Map<String, Object> actual,
                                Findings findings) {
        expected.forEach((key, row) -> {
            Object stored = actual.get(key);
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
        private final Map<String, Long> rows = new LinkedHashMap<>();
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
