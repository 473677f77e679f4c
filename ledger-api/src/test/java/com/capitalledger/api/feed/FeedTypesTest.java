package com.capitalledger.api.feed;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.core.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed knows exactly the types the ledger stores, found in the compiled classes, by either name. */
class FeedTypesTest {

    @Test
    void theFeedKnowsEveryTypeTheLedgerStoresAndNoOther() {
        assertThat(FeedTypes.all()).containsExactlyInAnyOrderElementsOf(EventTypes.all().stream()
                .map(Class::getSimpleName).toList());
        assertThat(FeedTypes.all()).contains("CommandRejected", "CapitalCalled", "BaseRateFixed", "WaterfallRun");
    }

    @Test
    void aTypeIsAskedForByItsShortNameOrItsCloudEventType() {
        assertThat(FeedTypes.parse("type", List.of("CapitalCalled", "com.capitalledger.TrancheDrawn.v1",
                "com.capitalledger.CapitalCalled.v1"))).containsExactly("CapitalCalled", "TrancheDrawn");
        assertThat(FeedTypes.parse("type", null)).isEmpty();
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheParameter() {
        for (String unknown : List.of("capitalCalled", "com.capitalledger.CapitalCalled.v2", "CapitalCalled.v1",
                "com.capitalledger..v1", "")) {
            assertThatThrownBy(() -> FeedTypes.parse("type", List.of(unknown))).as(unknown)
                    .isInstanceOf(InvalidParameter.class).hasMessageStartingWith("type '");
        }
    }
}
