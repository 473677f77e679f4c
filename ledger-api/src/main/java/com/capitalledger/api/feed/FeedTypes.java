package com.capitalledger.api.feed;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.core.rates.api.BaseRateEvent;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The entry types a feed reader may ask for: the simple names of the ledger's events, read from the domain's sealed
 * event interfaces (so a new event type is known here as soon as it exists), and {@code CommandRejected}. A test checks
 * them against every event type the domain stores.
 */
public final class FeedTypes {

    private static final SortedSet<String> KNOWN = known();

    private FeedTypes() {
    }

    /** Every short type name, in alphabetical order. */
    public static SortedSet<String> all() {
        return KNOWN;
    }

    /**
     * The short names of the types a parameter asks for, each given as a short name ({@code CapitalCalled}) or a
     * CloudEvent type ({@code com.capitalledger.CapitalCalled.v1}); none: every type.
     *
     * @throws InvalidParameter naming {@code parameter} when one names no type
     */
    public static Set<String> parse(String parameter, List<String> values) {
        Set<String> types = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            types.add(shortName(value).orElseThrow(() -> new InvalidParameter(parameter, unknown(value))));
        }
        return types;
    }

    /** The short name a value means, if it names a type. */
    public static Optional<String> shortName(String value) {
        String name = value;
        if (name.startsWith(FeedEnvelope.TYPE_PREFIX) && name.endsWith(FeedEnvelope.TYPE_SUFFIX)) {
            name = name.substring(FeedEnvelope.TYPE_PREFIX.length(), name.length() - FeedEnvelope.TYPE_SUFFIX.length());
        }
        return KNOWN.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** Why a value is refused. */
    public static String unknown(String value) {
        return "'" + shortened(value) + "' is no event type; one of " + String.join(", ", KNOWN)
                + ", or com.capitalledger.{type}.v1";
    }

    private static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }

    private static SortedSet<String> known() {
        SortedSet<String> names = new TreeSet<>();
        Stream.of(ProgramStructureEvent.class, EquityEvent.class, DebtEvent.class, CashFlowEvent.class,
                        BaseRateEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> names.add(type.getSimpleName()));
        names.add(CommandRejected.class.getSimpleName());
        return Collections.unmodifiableSortedSet(names);
    }
}
