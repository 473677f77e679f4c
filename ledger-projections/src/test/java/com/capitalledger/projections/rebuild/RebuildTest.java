package com.capitalledger.projections.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When another node takes a rebuild over, and when a rebuild counts as under way. */
class RebuildTest {

    private static final Instant BEAT = Instant.parse("2025-01-01T00:00:00Z");

    private static Rebuild rebuild(Instant finishedAt) {
        return new Rebuild("programs", "node-a", BEAT.minusSeconds(60), 100, 40, false, finishedAt, BEAT);
    }

    @Test
    void aRebuildIsAbandonedOnlyOnceItsNodeHasNotBeatenForThirtySeconds() {
        assertThat(rebuild(null).abandoned(BEAT.plus(Rebuild.ABANDONED_AFTER))).isFalse();
        assertThat(rebuild(null).abandoned(BEAT.plus(Rebuild.ABANDONED_AFTER).plusMillis(1))).isTrue();
    }

    @Test
    void aRebuildIsInProgressUntilItIsFinished() {
        assertThat(rebuild(null).inProgress()).isTrue();
        assertThat(rebuild(BEAT).inProgress()).isFalse();
    }
}
