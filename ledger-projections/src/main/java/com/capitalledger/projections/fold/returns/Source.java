package com.capitalledger.projections.fold.returns;

import java.time.LocalDate;

/**
 * An event a document reports, by its global index in the event store (which the journal maps to its entry's seq):
 * its type and the date it is effective on.
 */
public record Source(long globalIndex, String event, LocalDate date) {
}
