package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.Ids;

/** Identifies an event of default: {@code EOD-{periodEnd}-{DSCR|PAYMENT}}, such as {@code EOD-2028-06-30-DSCR}. */
public record EventOfDefaultId(String value) implements Comparable<EventOfDefaultId> {

    public EventOfDefaultId {
        Ids.require("eventOfDefaultId", value);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(EventOfDefaultId other) {
        return value.compareTo(other.value);
    }
}
