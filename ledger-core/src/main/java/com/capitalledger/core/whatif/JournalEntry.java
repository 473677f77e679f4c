package com.capitalledger.core.whatif;

import com.capitalledger.core.shared.LedgerEvent;

import java.time.Instant;
import java.util.Objects;

/** One event of the journal a what-if branches, with its id and the instant it was recorded, in recorded order. */
public record JournalEntry(String eventId, LedgerEvent event, Instant recordedAt) {

    public JournalEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
