package com.capitalledger.api.feed;

import com.capitalledger.journal.store.JournalGrowth;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Entries as the server-sent events a client parses (id, event, one data line each, a blank line after), and the
 * streams' limits: at most the maximum open, every one ended when the service stops.
 */
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
                .isEqualTo("id: 1\nevent: com.capitalledger.ProgramCreated.v1\n"
                        + "data: {\ndata: \"id\":\"e-1\"\ndata: }\n\n");
    }

    @Test
    void aNodeOpensAtMostItsMaximumAndStoppingEndsEveryStream() throws Exception {
        // A feed that has not read the journal yet: its streams wait, as they do at the live end.
        FeedEvents events = new FeedEvents(null, new JournalGrowth(), 10, Duration.ofMillis(50));
        FeedStreams streams = new FeedStreams(events, Duration.ofSeconds(15), 2);
        streams.start();
        CountDownLatch completed = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            streams.open(0, FeedFilter.everything(), new ResponseBodyEmitter(0L) {
                @Override
                public void complete() {
                    completed.countDown();
                    super.complete();
                }
            });
        }
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThatThrownBy(() -> streams.open(0, FeedFilter.everything(), new ResponseBodyEmitter(0L)))
                .isInstanceOf(FeedFull.class).hasMessageContaining("2 clients");

        streams.stop();

        assertThat(completed.await(5, TimeUnit.SECONDS)).as("every stream completed its response").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(streams::openStreams, open -> open == 0);
        assertThatThrownBy(() -> streams.open(0, FeedFilter.everything(), new ResponseBodyEmitter(0L)))
                .isInstanceOf(FeedFull.Unavailable.class).hasMessageContaining("stopping");
    }
}
