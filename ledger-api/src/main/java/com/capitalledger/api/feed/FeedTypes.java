package com.capitalledger.api.feed;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.core.rates.api.BaseRateEvent;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The feed's types: every event the core's sealed areas permit, and the refusal. A filter names one by its short name
 * ({@code CapitalCalled}) or its CloudEvent type ({@code com.capitalledger.CapitalCalled.v1}).
 */
public final class FeedTypes {

    /** Short names, sorted. */
    public static final SortedSet<String> NAMES = Collections.unmodifiableSortedSet(Stream.of(
                    ProgramStructureEvent.class, EquityEvent.class, DebtEvent.class, CashFlowEvent.class,
                    BaseRateEvent.class)
            .flatMap(area -> Arrays.stream(area.getPermittedSubclasses()))
            .map(Class::getSimpleName)
            .collect(() -> new TreeSet<>(Collections.singleton(CommandRejected.class.getSimpleName())), TreeSet::add,
                    TreeSet::addAll));

    private FeedTypes() {
    }

    /** The short name a filter's type means, if it names one of the feed's types. */
    public static Optional<String> shortName(String given) {
        String name = given;
        if (given.startsWith(FeedEnvelope.TYPE_PREFIX) && given.endsWith(FeedEnvelope.TYPE_SUFFIX)) {
            name = given.substring(FeedEnvelope.TYPE_PREFIX.length(),
                    given.length() - FeedEnvelope.TYPE_SUFFIX.length());
        }
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }
}
