package com.capitalledger.projections.tablecheck;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a table check, named as the API names it (the consistency check's report): how many events were folded, how many rows each table holds, and every
 * difference found (at most {@code limit} listed; {@code differenceCount} counts them all).
 */
public record ConsistencyReport(long eventsChecked, Map<String, Long> rowsChecked, long differenceCount,
                                List<Difference> differences) {

    public boolean consistent() {
        return differenceCount == 0;
    }
}
