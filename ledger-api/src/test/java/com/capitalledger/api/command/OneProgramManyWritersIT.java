package com.capitalledger.api.command;

import com.capitalledger.api.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A treasury system posting a batch to one program from several threads sees its commands queue, not fail: eight
 * writers without If-Match, every command 201, none decided twice. A queue that does not move answers 503
 * PROGRAM_BUSY with Retry-After, records nothing, and leaves the Idempotency-Key free for the retry.
 */
class OneProgramManyWritersIT extends IntegrationTest {

    private static final int WRITERS = 8;
    private static final int EACH = 25;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private CommandQueue queue;

    private void created(String path, String body) {
        HttpResponse<String> response = http().postJson(path, body);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
    }

    private void program(String id) {
        created("/api/v1/programs", """
                {"programId":"%s","name":"Writers","currency":"USD","targetAmount":"1000000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""".formatted(id));
        created("/api/v1/programs/" + id + "/commitments", """
                {"investorId":"A","investorName":"A","amount":"1000.00","currency":"USD","effectiveDate":"2025-01-01"}""");
    }

    @Test
    void eightWritersOnOneProgramAreAllRecordedWithoutAConflictOrARetry() throws Exception {
        program("WRITERS");
        double retriesBefore = meters.counter("ledger.commands.retries").count();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        List<CompletableFuture<List<Integer>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    statuses.add(http().postJson("/api/v1/programs/WRITERS/commitments/A/increase",
                            "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}",
                            "Idempotency-Key", "writer-" + writer + "-" + i).statusCode());
                }
                return statuses;
            }, threads));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<List<Integer>> writer : writers) {
            statuses.addAll(writer.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(statuses).hasSize(WRITERS * EACH).containsOnly(201);
        assertThat(meters.counter("ledger.commands.retries").count()).as("no command lost a race in this node")
                .isEqualTo(retriesBefore);
        assertThat(queue.busyStreams()).as("no turn left behind").isZero();
        awaitReadModels();
        assertThat(json(http().get("/api/v1/programs/WRITERS/investors/A?asOf=2025-12-31")).get("committed").asText())
                .isEqualTo("1200.00");
    }

    @Test
    void aQueueThatDoesNotMoveAnswers503ProgramBusyAndRecordsNothing() throws Exception {
        program("STUCK");
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'STUCK'",
                Long.class);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another command of this node holds the program's turn and does not finish.
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> queue.inTurn("programs/STUCK", () -> {
            holding.countDown();
            try {
                return release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        String increase = "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}";

        HttpResponse<String> busy;
        try {
            busy = http().postJson("/api/v1/programs/STUCK/commitments/A/increase", increase,
                    "Idempotency-Key", "stuck-increase");
        } finally {
            release.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);

        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(busy).get("code").asText()).isEqualTo("PROGRAM_BUSY");
        assertThat(json(busy).get("detail").asText()).isEqualTo("commands on programs/STUCK are queued for longer "
                + "than 10 s in this node; nothing was recorded: retry with the same Idempotency-Key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'STUCK'",
                Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = 'stuck-increase'",
                Long.class)).isZero();

        HttpResponse<String> retried = http().postJson("/api/v1/programs/STUCK/commitments/A/increase", increase,
                "Idempotency-Key", "stuck-increase");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.busyStreams() == 0);
    }
}
