package com.capitalledger.api.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries as the server-sent events a client parses: id, event, one data line each, a blank line after. */
class FeedStreamsTest {

    private static FeedEntry entry(long seq, String type, String cloudEvent) {
        return new FeedEntry(seq, "e-" + seq, type, false, "P", Set.of(), cloudEvent.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachEntryIsOneEventWithItsSeqTypeAndCloudEvent() {
        byte[] events = FeedStreams.render(List.of(entry(7, "CapitalCalled", "{\"id\":\"e-7\",\"seq\":7}"),
                entry(9, "CommandRejected", "{\"id\":\"e-9\",\"note\":\"d\u00e9j\u00e0\"}")));

        assertThat(new String(events, StandardCharsets.UTF_8)).isEqualTo("""
                id: 7
                event: com.capitalledger.CapitalCalled.v1
                data: {"id":"e-7","seq":7}

                id: 9
                event: com.capitalledger.CommandRejected.v1
                data: {"id":"e-9","note":"d\u00e9j\u00e0"}

                """);
    }

    @Test
    void aLineBreakInsideTheCloudEventStartsAnotherDataLine() {
        byte[] events = FeedStreams.render(List.of(entry(1, "ProgramCreated", "{\r\n\"id\":\"e-1\"\n}")));

        assertThat(new String(events, StandardCharsets.UTF_8))
                .isEqualTo("id: 1\nevent: com.capitalledger.ProgramCreated.v1\ndata: {\ndata: \"id\":\"e-1\"\ndata: }\n\n");
    }
}
