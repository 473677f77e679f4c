package com.capitalledger.core.events;

import com.capitalledger.core.shared.LedgerEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.serialization.Revision;

import java.util.Comparator;
import java.util.List;

/**
 * Every type of event the ledger stores, as found in the compiled classes rather than listed by hand: each concrete
 * {@link LedgerEvent} of an {@code api} package, and each other {@code api} type stored under a {@link Revision}
 * (the refusals). A new event type is therefore seen by every test that iterates over these.
 */
public final class EventTypes {

    private static final List<Class<?>> ALL = new ClassFileImporter().importPackages("com.capitalledger.core").stream()
            .filter(type -> type.getPackageName().endsWith(".api"))
            .filter(type -> isConcreteLedgerEvent(type) || type.isAnnotatedWith(Revision.class))
            .map(JavaClass::reflect)
            .sorted(Comparator.comparing(Class::getName))
            .toList();

    private EventTypes() {
    }

    public static List<Class<?>> all() {
        return ALL;
    }

    private static boolean isConcreteLedgerEvent(JavaClass type) {
        return type.isAssignableTo(LedgerEvent.class) && !type.isInterface()
                && !type.getModifiers().contains(JavaModifier.ABSTRACT);
    }
}
