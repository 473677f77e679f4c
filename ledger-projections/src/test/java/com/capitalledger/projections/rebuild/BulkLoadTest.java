package com.capitalledger.projections.rebuild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a bulk load splits the journal into ranges of global indexes, one reader each. */
class BulkLoadTest {

    @Test
    void theRangesFollowOneAnotherUpToTheHead() {
        assertThat(BulkLoad.bounds(100_000, 2)).containsExactly(0L, 50_000L, 100_000L);
        assertThat(BulkLoad.bounds(100, 3)).containsExactly(0L, 33L, 66L, 100L);
        assertThat(BulkLoad.bounds(7, 1)).containsExactly(0L, 7L);
        assertThat(BulkLoad.bounds(0, 1)).containsExactly(0L, 0L);
    }

    @Test
    void eachReaderReadsTwentyThousandEventsOrMoreAtMostOnePerCoreAndFour() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(BulkLoad.readers(0)).isEqualTo(1);
        assertThat(BulkLoad.readers(39_999)).isEqualTo(1);
        assertThat(BulkLoad.readers(40_000)).isEqualTo(Math.min(cores, 2));
        assertThat(BulkLoad.readers(10_000_000)).isEqualTo(Math.min(cores, 4));
    }
}
