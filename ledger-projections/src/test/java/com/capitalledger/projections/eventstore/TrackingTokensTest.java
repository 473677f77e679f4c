package com.capitalledger.projections.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingTokensTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Test
    void anEventThatAdvancesTheTokenHasTheTokensIndex() {
        assertThat(TrackingTokens.ownIndex(null, token(1))).isEqualTo(1);
        assertThat(TrackingTokens.ownIndex(token(4), token(6, 5L))).isEqualTo(6);
    }

    @Test
    void anEventThatFillsAGapHasTheGapsIndexNotTheTokens() {
        // 5 was not yet committed when 6 was read; it commits later and is read after 6 and 7.
        GapAwareTrackingToken afterSeven = token(7, 5L);
        GapAwareTrackingToken afterFive = token(7);

        assertThat(TrackingTokens.globalIndex(afterFive)).as("what the token alone says").isEqualTo(7);
        assertThat(TrackingTokens.ownIndex(afterSeven, afterFive)).isEqualTo(5);
        assertThat(TrackingTokens.ownIndex(token(9, 3L, 5L), token(9, 3L))).isEqualTo(5);
    }

    @Test
    void replayAndSequenceTokensCarryTheEventsOwnPosition() {
        assertThat(TrackingTokens.ownIndex(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(4))).isEqualTo(4);
        assertThat(TrackingTokens.ownIndex(token(4), ReplayToken.createReplayToken(token(10), token(6, 5L)))).isEqualTo(6);
    }

    @Test
    void aTokenThatNeitherAdvancesNorFillsAGapIsAnError() {
        assertThatThrownBy(() -> TrackingTokens.ownIndex(token(7, 5L), token(7, 5L))).isInstanceOf(IllegalStateException.class);
    }
}
