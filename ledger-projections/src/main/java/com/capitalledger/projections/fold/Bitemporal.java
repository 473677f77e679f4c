package com.capitalledger.projections.fold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The two times a position query is asked at: {@code asOf}, the effective date (every fact effective on or before
 * it counts), and {@code knownAt}, the instant of knowledge (only facts recorded at or before it count). Today and
 * now by default; a past {@code knownAt} shows what the ledger said before a later correction. Recording instants
 * are kept to the millisecond (the event store's precision), so {@code knownAt} is too: facts recorded within the
 * same millisecond as {@code knownAt} count as known.
 */
public record Bitemporal(LocalDate asOf, Instant knownAt) {

    public Bitemporal {
        Objects.requireNonNull(asOf, "asOf");
        knownAt = Objects.requireNonNull(knownAt, "knownAt").truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean includes(LocalDate effectiveDate, Instant recordedAt) {
        return !effectiveDate.isAfter(asOf) && !recordedAt.isAfter(knownAt);
    }
}
