package com.capitalledger.projections.fold.audit;

import com.capitalledger.core.shared.Money;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an event or a command is about, read from its record components by name: the program, the investor (and the
 * other investor of a transfer), the tranche, call, phase, draw or repayment, the rate, the amount and the effective
 * date. Commands and events share these names, so accepted and rejected lines are filled alike.
 */
record AuditSubjects(String programId, String investorId, String counterpartyId, String trancheId, String callId,
                     String phaseId, String referenceId, BigDecimal amount, LocalDate effectiveDate) {

    /** A waterfall's amount is the cash it shared out ({@code cashAvailable}); its steps are in the line's detail. */
    private static final List<String> AMOUNTS = List.of("amount", "amountCancelled", "budget", "commitment",
            "targetAmount", "cashAvailable", "equityValue");

    static AuditSubjects of(Object message) {
        Map<String, Object> values = components(message);
        return new AuditSubjects(text(values.get("programId")),
                text(first(values, "investorId", "fromInvestorId")), text(values.get("toInvestorId")),
                text(values.get("trancheId")), text(values.get("callId")), text(values.get("phaseId")),
                text(first(values, "drawId", "repaymentId", "rateName", "eventOfDefaultId")), amount(values),
                values.get("effectiveDate") instanceof LocalDate day ? day : null);
    }

    /** Reflection is slow; each message type's components are looked up once. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        }
    };

    private static Map<String, Object> components(Object message) {
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent component : COMPONENTS.get(message.getClass())) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(message));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + message.getClass(), e);
            }
        }
        return values;
    }

    private static Object first(Map<String, Object> values, String... names) {
        for (String name : names) {
            if (values.get(name) != null) {
                return values.get(name);
            }
        }
        return null;
    }

    private static BigDecimal amount(Map<String, Object> values) {
        for (String name : AMOUNTS) {
            Object value = values.get(name);
            if (value instanceof Money money) {
                return money.amount();
            }
            // A rejected command's amount may be malformed; only a storable one is kept.
            if (value instanceof BigDecimal decimal && decimal.scale() >= 0 && decimal.scale() <= 2
                    && decimal.precision() - decimal.scale() <= Money.MAX_INTEGER_DIGITS) {
                return decimal;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
