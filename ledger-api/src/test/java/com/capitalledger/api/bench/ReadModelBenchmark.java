package com.capitalledger.api.bench;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The read-model benchmark (not part of the test suite): loads a generated history of N events (default 1,000,000)
 * into a fresh embedded PostgreSQL once, then measures {@code -Dbench.runs} times (default 2) on that store, each
 * figure beside its baseline from the same run:
 * <ol>
 *     <li>the raw PostgreSQL read rate of the event table (plain JDBC, every column, in global-index order);</li>
 *     <li>rebuilding all read models from the whole history (events/s);</li>
 *     <li>as-of position query latency over HTTP (p50, p99) on random programs and dates;</li>
 *     <li>on {@value #OPERATED_PROGRAMS} programs of the run's own, 40 quarters of operations and 10 valuations: the
 *     waterfall, the cash-flows query and the returns query over HTTP, each beside its raw PostgreSQL baseline
 *     ({@link CashFlowBenchmark}; {@code -Dbench.skip.operations=true} leaves them out).</li>
 * </ol>
 * Run: {@code ./mvnw -pl ledger-api -am -Pbenchmark -DskipTests verify} (optionally {@code -Dbench.events=...}).
 * It forks a JVM with a 512 MB heap.
 */
public final class ReadModelBenchmark {

    /** {@code -Dbench.events-per-program}: the as-of query's cost against a program's history. */
    private static final int EVENTS_PER_PROGRAM = Integer.getInteger("bench.events-per-program", 1_000);
    /** {@code -Dbench.skip.operations=true} measures the as-of queries alone. */
    private static final boolean SKIP_OPERATIONS = Boolean.getBoolean("bench.skip.operations");
    /** {@code -Dbench.queries}: fewer for long programs, whose queries took a second each before checkpoints. */
    private static final int QUERIES = Integer.getInteger("bench.queries", 2_000);
    private static final int WARMUP = Math.min(300, QUERIES / 4);
    /** Five to warm up, twenty measured: 800 waterfalls. */
    private static final int OPERATED_PROGRAMS = 25;

    private ReadModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        BenchReport report = BenchReport.of("ReadModelBenchmark").setting("events", total)
                .setting("eventsPerProgram", EVENTS_PER_PROGRAM);
        // TREASURY runs the waterfalls.
        try (BenchLedger ledger = BenchLedger.start("ANALYST,TREASURY",
                "--logging.level.com.capitalledger.api.admin=INFO",
                "--logging.level.com.capitalledger.projections.rebuild=INFO")) {
            ConfigurableApplicationContext app = ledger.app();
            report.postgres(app.getBean(JdbcTemplate.class));
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long loadStart = System.nanoTime();
            int programs = ledger.insert(sink -> new HistoryGenerator().generate(total, EVENTS_PER_PROGRAM, sink));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("load: %,d events generated and inserted (%d programs) in %.1f s%n", total, programs,
                    loadSeconds);
            report.setting("programs", programs).setting("loadSeconds", Math.round(loadSeconds));

            // The load is the expensive part: every run measures on the same store. Each operates programs of its
            // own, since a quarter's waterfall is run once.
            int operated = Math.min(OPERATED_PROGRAMS, programs / report.runs());
            for (int number = 1; number <= report.runs(); number++) {
                BenchReport.Run run = report.run(number);
                long rawStart = System.nanoTime();
                long rawRows = ledger.rawRead();
                BenchReport.Figure raw = run.rate("raw PostgreSQL read of domain_event_entry", rawRows,
                        System.nanoTime() - rawStart, "rows", null);

                ReadModels readModels = app.getBean(ReadModels.class);
                Instant requested = Instant.now();
                long rebuildStart = System.nanoTime();
                readModels.rebuild(ReadModel.IDS);
                Awaitility.await("rebuild").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(100))
                        .until(readModels::status, statuses -> statuses.stream().allMatch(s ->
                                s.state() == ReadModelStatus.State.LIVE && s.position() >= s.head()
                                        && s.rebuildFinishedAt() != null && !s.rebuildFinishedAt().isBefore(requested)));
                run.rate("rebuild of all " + ReadModel.IDS.size() + " read models", rawRows,
                        System.nanoTime() - rebuildStart, "events", raw);

                queries(run, ledger.port(), ledger.authorization(), programs, app.getBean(JdbcTemplate.class));
                List<String> mine = new ArrayList<>();
                for (int program = (number - 1) * operated; program < number * operated; program++) {
                    mine.add("P" + program);
                }
                if (!SKIP_OPERATIONS && !mine.isEmpty()) {
                    CashFlowBenchmark.run(ledger, run, mine);
                }
                run.heap();
                run.finish();
            }
        }
    }

    private static void queries(BenchReport.Run run, int port, String authorization, int programs, JdbcTemplate jdbc) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Random random = new Random(7);
        long[] latencies = new long[QUERIES];
        for (int i = -WARMUP; i < QUERIES; i++) {
            String program = "P" + random.nextInt(programs);
            LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(800));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/programs/"
                    + program + "/positions?asOf=" + asOf)).header("Authorization", authorization).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                latencies[i] = took;
            }
        }
        Long rows = jdbc.queryForObject("SELECT count(*) FROM equity_movement WHERE program_id = 'P0'", Long.class);
        System.out.printf("%d as-of queries on %d programs, ~%d equity rows per program:%n", QUERIES, programs, rows);
        run.latency("as-of position query over HTTP", latencies, null);
    }
}
