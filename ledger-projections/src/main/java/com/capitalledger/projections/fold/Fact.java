package com.capitalledger.projections.fold;

/**
 * A row of a read model's table that one event brought: keyed by the event's global index and, where one event
 * brings several rows, their line. The key names a row in a rebuild and in the consistency check's findings.
 */
public interface Fact {

    long globalIndex();

    /** The row's place among its event's rows; 0 where an event brings at most one. */
    default int line() {
        return 0;
    }

    default String key() {
        return globalIndex() + "/" + line();
    }
}
