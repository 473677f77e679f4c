package com.capitalledger.api.bench;

import com.capitalledger.journal.store.JournalStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The journal benchmark (not part of the test suite), beside the raw read rate of the event table on the same server:
 * <ol>
 *     <li>sequencing: a generated history (sealed as the service seals) inserted while every processor is stopped,
 *     then taken into the journal from scratch, entries/s (the read models stay stopped throughout);</li>
 *     <li>verification over HTTP ({@code POST /api/v1/journal/verify}): every leaf recomputed from the event store and
 *     every stored subtree compared, entries/s, five times;</li>
 *     <li>latency over HTTP of a signed digest, of inclusion proofs of random entries and of consistency proofs between
 *     random tree sizes.</li>
 * </ol>
 * The journal's cost to commands is measured by {@link CommandBenchmark}, in the same run as its commands without it.
 * Run with the others: {@code ./mvnw -pl ledger-api -am -Pbenchmark -DskipTests verify}
 * ({@code -Dbench.journal-events=...}, default 200,000); {@code -Dbench.runs} times (default 2), each on a store of its
 * own.
 */
public final class JournalBenchmark {

    private static final int EVENTS_PER_PROGRAM = 1_000;
    private static final int PROOFS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        BenchReport report = BenchReport.of("JournalBenchmark").setting("events", total)
                .setting("eventsPerProgram", EVENTS_PER_PROGRAM);
        // The journal is append-only and never reset, so sequencing it from scratch again takes a store of its own:
        // each run loads its history into a fresh service and PostgreSQL.
        for (int number = 1; number <= report.runs(); number++) {
            measure(report, report.run(number), total);
        }
        System.exit(0);
    }

    private static void measure(BenchReport report, BenchReport.Run run, int total) throws Exception {
        try (BenchLedger ledger = BenchLedger.start("COMPLIANCE")) {
            JdbcTemplate jdbc = ledger.app().getBean(JdbcTemplate.class);
            report.postgres(jdbc);
            // The read models stay stopped: 200,000 generated events for them to fold would run beside every figure.
            EventProcessingConfiguration processing = ledger.app().getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            StreamingEventProcessor journal = processing.eventProcessor("journal", StreamingEventProcessor.class)
                    .orElseThrow();
            long loadStart = System.nanoTime();
            ledger.insert(sink -> new HistoryGenerator().generate(total, EVENTS_PER_PROGRAM, sink));
            long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            System.out.printf("load: %,d events generated, sealed and inserted in %.1f s%n", events,
                    (System.nanoTime() - loadStart) / 1e9);

            // As autovacuum leaves a table some time after a bulk load: visibility known, statistics fresh.
            jdbc.execute("VACUUM (ANALYZE) domain_event_entry");
            ledger.rawRead(true);
            long textStart = System.nanoTime();
            long rawRows = ledger.rawRead(false);
            run.rate("raw PostgreSQL read of domain_event_entry (text rows, after one read)", rawRows,
                    System.nanoTime() - textStart, "rows", null);
            long rawStart = System.nanoTime();
            ledger.rawRead(true);
            BenchReport.Figure raw = run.rate("raw PostgreSQL read of domain_event_entry (binary rows)", rawRows,
                    System.nanoTime() - rawStart, "rows", null);

            long sequenceStart = System.nanoTime();
            journal.start();
            Awaitility.await("the journal took every event").atMost(Duration.ofHours(1))
                    .pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                            "SELECT count(*) FROM journal_entry", Long.class) == events);
            run.rate("journal sequencing from scratch (leaf, seq, subtrees, token; batches of 1,000)", events,
                    System.nanoTime() - sequenceStart, "entries", raw);
            jdbc.execute("VACUUM (ANALYZE) journal_entry");
            jdbc.execute("VACUUM (ANALYZE) journal_node");

            ledger.rawRead(true, JournalStore.ENTRIES, 2, 0L, Long.MAX_VALUE);
            long queryStart = System.nanoTime();
            long queryRows = ledger.rawRead(true, JournalStore.ENTRIES, 2, 0L, Long.MAX_VALUE);
            run.rate("raw PostgreSQL read of the verification's query (entries joined "
                    + "with their events, binary rows)", queryRows, System.nanoTime() - queryStart, "rows", null);

            HttpClient http = HttpClient.newHttpClient();
            Client client = new Client(http, ledger.port(), ledger.authorization());
            for (int round = 1; round <= 5; round++) {
                JsonNode started = client.post("/api/v1/journal/verify");
                JsonNode verification = started;
                while (!verification.get("state").asText().equals("DONE")) {
                    if (verification.get("state").asText().equals("FAILED")) {
                        throw new IllegalStateException("verification failed: " + verification);
                    }
                    Thread.onSpinWait();
                    verification = client.get("/api/v1/journal/verifications/" + started.get("id").asText());
                }
                if (!verification.get("ok").asBoolean()) {
                    throw new IllegalStateException("the benchmark's journal does not verify: " + verification);
                }
                long nanos = Duration.between(Instant.parse(verification.get("startedAt").asText()),
                        Instant.parse(verification.get("finishedAt").asText())).toNanos();
                run.rate("verification over HTTP, pass " + round + " of the service's life",
                        verification.get("entriesChecked").asLong(), nanos, "entries", raw);
            }

            SplittableRandom random = new SplittableRandom(11);
            run.latency("signed digest over HTTP", client.time(200, i -> "/api/v1/journal/digest"), null);
            System.out.printf("%,d inclusion proofs of random entries, tree of %,d; then %,d consistency proofs "
                    + "between random sizes:%n", PROOFS, events, PROOFS);
            run.latency("inclusion proof over HTTP", client.time(PROOFS, i -> "/api/v1/journal/entries/"
                    + random.nextLong(events) + "/proof"), null);
            run.latency("consistency proof over HTTP", client.time(PROOFS, i -> {
                long second = 1 + random.nextLong(events);
                return "/api/v1/journal/consistency?first=" + (1 + random.nextLong(second)) + "&second=" + second;
            }), null);
            run.heap();
            run.finish();
        }
    }

    private interface Path {
        String of(int i);
    }

    private record Client(HttpClient http, int port, String authorization) {

        JsonNode get(String path) throws Exception {
            return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET(), path).body());
        }

        JsonNode post(String path) throws Exception {
            return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()),
                    path).body());
        }

        long[] time(int count, Path path) throws Exception {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String next = path.of(i);
                long start = System.nanoTime();
                send(HttpRequest.newBuilder(uri(next)).GET(), next);
                latencies.add(System.nanoTime() - start);
            }
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String path) throws Exception {
            HttpResponse<String> response = http.send(request.header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
    }
}
