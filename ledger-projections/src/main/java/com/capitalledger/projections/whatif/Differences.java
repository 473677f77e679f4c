package com.capitalledger.projections.whatif;

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
 * Every figure that differs between two sides of a what-if at one date, walked in the documents' own shape: the
 * positions document's figures by their own paths, the cash-flows document's under {@code cashFlows.} and the returns
 * document's under {@code returns.} ({@code returns.investors[SOFTBANK].irrPct}, {@code returns.program.tvpi});
 * records by their fields, lists of records by their key ({@code investors[SOFTBANK]}, {@code lenders[JPM]},
 * {@code marginHistory[2025-06-01]}, {@code periods[2028-06-30]}, {@code steps[SENIOR_PRINCIPAL]},
 * {@code eventsOfDefault[EOD-2028-06-30-DSCR]}), lists of plain values as a whole, as text. Amounts, ratios such as
 * the DSCR, the multiples and the {@code ...Pct} rates are compared by value and get a delta.
 */
final class Differences {

    /** Identical in both documents by construction. */
    private static final Set<String> SAME_BY_CONSTRUCTION = Set.of("programId", "asOf", "knownAt");

    /** Fields that key a record in its list, besides any {@code ...Id}: a period's end, a step's name, an id. */
    private static final Set<String> KEYS = Set.of("id", "periodEnd", "step", "effectiveDate");

    private final LocalDate asOf;
    private final List<FigureDifference> found = new ArrayList<>();

    private Differences(LocalDate asOf) {
        this.asOf = asOf;
    }

    static List<FigureDifference> between(WhatIfDocument base, WhatIfDocument scenario) {
        Differences differences = new Differences(base.positions().asOf());
        differences.document("", base.positions(), scenario.positions());
        differences.document("cashFlows.", base.cashFlows(), scenario.cashFlows());
        differences.document("returns.", base.returns(), scenario.returns());
        return differences.found;
    }

    private void document(String prefix, Record base, Record scenario) {
        for (RecordComponent component : base.getClass().getRecordComponents()) {
            if (!SAME_BY_CONSTRUCTION.contains(component.getName())) {
                compare(prefix + component.getName(), component.getName(), value(component, base),
                        value(component, scenario));
            }
        }
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

    /**
     * A list of records by each one's key: its first field that is an {@code ...Id} or one of {@link #KEYS}, else its
     * index.
     */
    private static Map<String, Object> keyed(List<?> list) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        if (list == null) {
            return byKey;
        }
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            String key = Integer.toString(i);
            for (RecordComponent component : element.getClass().getRecordComponents()) {
                if (component.getName().endsWith("Id") || KEYS.contains(component.getName())) {
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
