package com.capitalledger.projections.whatif;

import com.capitalledger.projections.fold.positions.ProgramPositions;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every figure that differs between two positions documents of one program at one date, walked in the document's own
 * shape: records by their fields, lists of records by their id ({@code investors[SOFTBANK]}, {@code lenders[JPM]},
 * {@code marginHistory[2025-06-01]}), lists of plain values as a whole. Amounts and the {@code ...Pct} rates are
 * compared by value and get a delta.
 */
final class Differences {

    /** Identical in both documents by construction. */
    private static final Set<String> SAME_BY_CONSTRUCTION = Set.of("programId", "asOf", "knownAt");

    private final LocalDate asOf;
    private final List<FigureDifference> found = new ArrayList<>();

    private Differences(LocalDate asOf) {
        this.asOf = asOf;
    }

    static List<FigureDifference> between(ProgramPositions base, ProgramPositions scenario) {
        Differences differences = new Differences(base.asOf());
        for (RecordComponent component : ProgramPositions.class.getRecordComponents()) {
            if (!SAME_BY_CONSTRUCTION.contains(component.getName())) {
                differences.compare(component.getName(), component.getName(), value(component, base),
                        value(component, scenario));
            }
        }
        return differences.found;
    }

    private void compare(String path, String name, Object base, Object scenario) {
        Object sample = base != null ? base : scenario;
        if (sample == null) {
            return;
        }
        if (sample.getClass().isRecord()) {
            for (RecordComponent component : sample.getClass().getRecordComponents()) {
                compare(path + "." + component.getName(), component.getName(),
                        base == null ? null : value(component, base), scenario == null ? null : value(component, scenario));
            }
        } else if (sample instanceof List<?> && isRecordList(base, scenario)) {
            Map<String, Object> before = keyed((List<?>) base);
            Map<String, Object> after = keyed((List<?>) scenario);
            Map<String, Boolean> keys = new LinkedHashMap<>();
            before.keySet().forEach(key -> keys.put(key, true));
            after.keySet().forEach(key -> keys.put(key, true));
            for (String key : keys.keySet()) {
                compare(path + "[" + key + "]", name, before.get(key), after.get(key));
            }
        } else {
            figure(path, name, base, scenario);
        }
    }

    private void figure(String path, String name, Object base, Object scenario) {
        BigDecimal before = number(name, base);
        BigDecimal after = number(name, scenario);
        if (before != null && after != null) {
            if (before.compareTo(after) != 0) {
                found.add(new FigureDifference(asOf, path, text(base), text(scenario),
                        after.subtract(before).toPlainString()));
            }
        } else if (!Objects.equals(text(base), text(scenario))) {
            found.add(new FigureDifference(asOf, path, text(base), text(scenario), null));
        }
    }

    private static boolean isRecordList(Object base, Object scenario) {
        for (Object list : new Object[]{base, scenario}) {
            if (list instanceof List<?> values && !values.isEmpty() && values.get(0).getClass().isRecord()) {
                return true;
            }
        }
        return false;
    }

    /** A list of records by each one's key: its first {@code ...Id} field, else its effective date, else its index. */
    private static Map<String, Object> keyed(List<?> list) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        if (list == null) {
            return byKey;
        }
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            String key = Integer.toString(i);
            for (RecordComponent component : element.getClass().getRecordComponents()) {
                if (component.getName().endsWith("Id") || component.getName().equals("effectiveDate")) {
                    key = String.valueOf(value(component, element));
                    break;
                }
            }
            byKey.put(key, element);
        }
        return byKey;
    }

    private static BigDecimal number(String name, Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof String text && name.endsWith("Pct")) {
            return new BigDecimal(text);
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
