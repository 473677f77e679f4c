package com.capitalledger.api.command;

import com.capitalledger.projections.processing.NodeCensus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandQueueTest {

    @Test
    void aCommandRequestsStreamIsItsProgramOrBaseRate() {
        assertThat(CommandQueue.streamOf("/api/v1/programs/STARGATE/capital-calls")).hasValue("programs/STARGATE");
        assertThat(CommandQueue.streamOf("/api/v1/programs/P-1/tranches/T1/draws")).hasValue("programs/P-1");
        assertThat(CommandQueue.streamOf("/api/v1/base-rates/SOFR/fixings")).hasValue("base-rates/SOFR");
        assertThat(CommandQueue.streamOf("/api/v1/programs")).isEmpty();
        assertThat(CommandQueue.streamOf("/api/v1/scenarios")).isEmpty();
    }

    @Test
    void commandsOnOneStreamTakeTurnsInArrivalOrderAndOtherStreamsDoNotWait() throws Exception {
        CommandQueue queue = new CommandQueue(Duration.ofSeconds(10), null, new NodeCensus());
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> queue.inTurn("programs/P", () -> {
            firstHolds.countDown();
            await(releaseFirst);
            ran.add("first");
            return "first";
        }));
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> queue.inTurn("programs/P", () -> {
            ran.add("second");
            return "second";
        }));

        assertThat(queue.inTurn("programs/OTHER", () -> "other")).as("another program does not wait").isEqualTo("other");
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(ran).containsExactly("first", "second");
        assertThat(queue.busyStreams()).isZero();
    }

    @Test
    void aTurnThatDoesNotComeInTimeIsRefusedAndLeavesNothingBehind() throws Exception {
        CommandQueue queue = new CommandQueue(Duration.ofMillis(50), null, new NodeCensus());
        CountDownLatch holds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> queue.inTurn("programs/P", () -> {
            holds.countDown();
            await(release);
            return true;
        }));
        assertThat(holds.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> queue.inTurn("programs/P", () -> true)).isInstanceOf(CommandQueue.QueueTooLong.class)
                .hasMessage("commands on programs/P are queued for longer than 50 ms in this node");
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.busyStreams()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
