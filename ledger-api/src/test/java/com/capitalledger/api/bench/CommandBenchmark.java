package com.capitalledger.api.bench;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.consistency.ReadModelProgress;
import com.capitalledger.journal.seal.SealingInterceptor;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.fold.audit.AuditKeys;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The command benchmark (not part of the test suite): at {@value #CLIENTS} concurrent clients, each on a program of
 * its own, measures in the same run on the same machine and the same embedded PostgreSQL:
 * <ol>
 *     <li>the raw PostgreSQL baseline: single-row insert transactions/s (a row about the size of a stored event);</li>
 *     <li>commands in process: {@code IncreaseCommitment} through Axon's command gateway (load the program from its
 *     snapshot and events, decide, append, commit), commands/s;</li>
 *     <li>the same command end to end over HTTP: Basic authentication, validation, idempotency key stored in the
 *     command's transaction, ETag; commands/s and latency p50/p99;</li>
 *     <li>how long after the last command the journal holds every event;</li>
 *     <li>projection lag: from a command's answer until every read model has applied its {@code Ledger-Position},
 *     200 sequential commands on an idle service, then 100 beside a round of 8 clients;</li>
 *     <li>what the journal costs: both command rounds without it (sealing detached, journal processor stopped) and
 *     with it, in {@value #COST_PAIRS} pairs of alternating order; the median of the pairs' costs.</li>
 * </ol>
 * Run with the read-model benchmark: {@code ./mvnw -pl ledger-api -am -Pbenchmark -DskipTests verify}
 * ({@code -Dbench.commands=...} per measurement, default 20,000).
 */
public final class CommandBenchmark {

    private static final int CLIENTS = 8;
    private static final int WARMUP = 1_000;
    /** Pairs of rounds with and without the journal. */
    private static final int COST_PAIRS = 4;
    private static final LocalDate DAY = LocalDate.of(2025, 1, 21);

    /** The service's, PostgreSQL's and the clients' CPU; the clients' threads come from it. */
    static ProcessCpu cpu;

    private CommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int pairs = Integer.getInteger("bench.journal-pairs", COST_PAIRS);
        BenchReport report = BenchReport.of("CommandBenchmark").setting("commands", total).setting("clients", CLIENTS)
                .setting("journalPairs", pairs);
        // Setting up costs seconds, so each run gets a service and a PostgreSQL of its own: its tables, processors
        // and journal start as the first run's did.
        for (int number = 1; number <= report.runs(); number++) {
            measure(report, report.run(number), total, pairs);
        }
        System.exit(0);
    }

    private static void measure(BenchReport report, BenchReport.Run run, int total, int pairs) throws Exception {
        // Rates settle once the JIT has compiled the command path: a short warm-up leaves the first rounds slower.
        int warmUp = Math.max(WARMUP, total);
        String password = UUID.randomUUID().toString();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("bench:" + password).getBytes(UTF_8));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.security.users[0].name=bench", "--ledger.security.users[0].roles=TREASURY",
                "--ledger.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--spring.datasource.url=", "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=true", "--server.port=0",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--logging.level.com.capitalledger.journal.store.JournalWriter=OFF")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            cpu = ProcessCpu.of(new JdbcTemplate(app.getBean(DataSource.class)));
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(CLIENTS, cpu.clientThreads())).build();
            for (int client = 0; client < CLIENTS; client++) {
                setUp(http, port, authorization, client);
            }

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            report.postgres(jdbc);
            BenchReport.Figure raw = rate(run, "raw PostgreSQL single-row insert transactions", "transactions",
                    rawInserts(app.getBean(DataSource.class), total), null);

            CommandGateway gateway = app.getBean(CommandGateway.class);
            ReadModels readModels = app.getBean(ReadModels.class);
            // Each measured round starts once the processors have caught up with the warm-up's events: otherwise
            // they would be folding the warm-up's backlog on the same two cores during the round.
            run(warmUp, (client, i) -> inProcess(gateway, client));
            settle(jdbc, readModels);
            rate(run, "commands in process (IncreaseCommitment via the command gateway)", "commands",
                    run(total, (client, i) -> inProcess(gateway, client)), raw);

            run(warmUp, (client, i) -> overHttp(http, port, authorization, client));
            settle(jdbc, readModels);
            ProcessCpu.Reading before = cpu.read();
            Timing overHttp = run(total, (client, i) -> overHttp(http, port, authorization, client));
            rate(run, "commands over HTTP (auth, validation, idempotency, command)", "commands", overHttp, raw);
            run.latency("commands over HTTP, latency", overHttp.latencies(), null);
            run.value("the journal had every event after the last command", "ms", Map.of("after", awaitJournal(jdbc)),
                    null);
            awaitReadModels(readModels);
            // By process, until the journal and every read model had the round's events: what a command costs.
            run.value("busy CPU per command over HTTP until every processor caught up, by process", "ms",
                    cpu.read().perCommandSince(before, total), null);

            // Projection lag: from a command's answer until every read model has applied its Ledger-Position, as
            // a query with minPosition waits for it; on an idle service, then beside 8 clients at full load.
            ReadModelProgress progress = app.getBean(ReadModelProgress.class);
            List<String> everyReadModel = ReadModel.IDS;
            post(http, port, authorization, "/api/v1/programs", """
                    {"programId":"BENCH-LAG","name":"Bench","currency":"USD","targetAmount":"900000000000.00",
                     "maxDebtPct":"90","effectiveDate":"%s"}""".formatted(DAY));
            post(http, port, authorization, "/api/v1/programs/BENCH-LAG/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD","effectiveDate":"%s"}"""
                    .formatted(DAY));
            awaitReadModels(app.getBean(ReadModels.class));
            run.latency("projection lag, idle (200 sequential commands over HTTP)",
                    lags(http, port, authorization, progress, everyReadModel, 200), null);
            ExecutorService load = Executors.newSingleThreadExecutor();
            Future<Timing> loaded = load.submit(() -> run(total, (client, i) -> overHttp(http, port, authorization,
                    client)));
            long[] underLoad = lags(http, port, authorization, progress, everyReadModel, 100);
            rate(run, "commands over HTTP beside the lag under load", "commands", loaded.get(), raw);
            load.shutdown();
            run.latency("projection lag, under load (100 commands beside 8 clients)", underLoad, null);
            awaitReadModels(app.getBean(ReadModels.class));

            // The journal's cost: rounds without it (no seal on the way to the store, no journal processor) and with
            // it, in pairs whose order alternates, so that neither side has the warmer JVM or the shorter streams to
            // itself. Rounds of one kind vary by up to a quarter on two shared cores, so
            // the figure is the median of the pairs' costs, each pair's printed beside it.
            StreamingEventProcessor journal = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("journal", StreamingEventProcessor.class).orElseThrow();
            SealingInterceptor sealing = app.getBean(SealingInterceptor.class);
            List<Double> inProcessCosts = new ArrayList<>();
            List<Double> httpCosts = new ArrayList<>();
            List<Double> cpuCosts = new ArrayList<>();
            for (int pair = 1; pair <= pairs; pair++) {
                Timing[][] rounds = new Timing[2][2];
                double[] cpu = new double[2];
                for (boolean journaled : pair % 2 == 1 ? new boolean[]{false, true} : new boolean[]{true, false}) {
                    if (journaled) {
                        sealing.attachTo(app.getBean(EventStore.class));
                        journal.start();
                        // It refuses the unsealed events of the rounds without it (anomalies, not logged here) first.
                        System.out.printf("  the journal went through the unsealed events in %.0f ms%n",
                                awaitJournal(jdbc));
                    } else {
                        journal.shutDown();
                        sealing.detach();
                    }
                    awaitReadModels(readModels);
                    int side = journaled ? 1 : 0;
                    double busyBefore = busyCpuSeconds();
                    rounds[side][0] = run(total, (client, i) -> inProcess(gateway, client));
                    rounds[side][1] = run(total, (client, i) -> overHttp(http, port, authorization, client));
                    if (journaled) {
                        System.out.printf("  the journal had every event %.0f ms after the last command%n",
                                awaitJournal(jdbc));
                    }
                    awaitReadModels(readModels);
                    // Everything both rounds cost, the read models' (and the journal's) catching up included: every
                    // core, service and PostgreSQL.
                    cpu[side] = (busyCpuSeconds() - busyBefore) * 1_000 / (2.0 * total);
                }
                // Recorded once both sides ran, so that the rounds with the journal stand beside those without it
                // whichever ran first.
                BenchReport.Figure[] without = new BenchReport.Figure[3];
                BenchReport.Figure[] with = new BenchReport.Figure[3];
                for (int side = 0; side < 2; side++) {
                    String label = (side == 1 ? "with" : "without") + " the journal, pair " + pair;
                    BenchReport.Figure[] figures = side == 1 ? with : without;
                    figures[0] = rate(run, "commands in process, " + label, "commands", rounds[side][0],
                            side == 1 ? without[0] : null);
                    figures[1] = rate(run, "commands over HTTP, " + label, "commands", rounds[side][1],
                            side == 1 ? without[1] : null);
                    figures[2] = run.value("busy CPU per command until every processor caught up, " + label, "ms",
                            Map.of("perCommand", cpu[side]), side == 1 ? without[2] : null);
                }
                inProcessCosts.add(100 * (1 - rate(with[0]) / rate(without[0])));
                httpCosts.add(100 * (1 - rate(with[1]) / rate(without[1])));
                cpuCosts.add(100 * (cpu[1] / cpu[0] - 1));
                run.value("journal cost, pair " + pair, "%", costs(inProcessCosts.get(pair - 1),
                        httpCosts.get(pair - 1), cpuCosts.get(pair - 1)), null);
            }
            if (pairs > 0) {
                run.value("journal cost, median of " + pairs + " alternating pairs (1 - with / without)", "%",
                        costs(median(inProcessCosts), median(httpCosts), median(cpuCosts)), null);
            }
            run.heap();
            run.finish();
        }
    }

    private static Map<String, Double> costs(double inProcess, double overHttp, double cpuPerCommand) {
        Map<String, Double> costs = new LinkedHashMap<>();
        costs.put("inProcess", inProcess);
        costs.put("overHttp", overHttp);
        costs.put("cpuPerCommand", cpuPerCommand);
        return costs;
    }

    static double rate(BenchReport.Figure figure) {
        return figure.values().get("rate");
    }

    /** For each command: nanoseconds from its answer until every read model has applied its Ledger-Position. */
    private static long[] lags(HttpClient http, int port, String authorization, ReadModelProgress progress,
                               List<String> readModels, int commands) throws Exception {
        long[] lags = new long[commands];
        for (int i = 0; i < commands; i++) {
            HttpResponse<String> answer = post(http, port, authorization,
                    "/api/v1/programs/BENCH-LAG/commitments/A/increase",
                    "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"" + DAY + "\"}");
            long answered = System.nanoTime();
            progress.await(Long.parseLong(answer.headers().firstValue("Ledger-Position").orElseThrow()), readModels);
            lags[i] = System.nanoTime() - answered;
        }
        return lags;
    }

    /**
     * The machine's busy CPU time so far (every core, user and system, from /proc/stat in USER_HZ ticks of 10 ms):
     * the service's and PostgreSQL's work alike, which throughput on two shared cores only hints at. NaN where there
     * is no /proc/stat.
     */
    static double busyCpuSeconds() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int column : new int[]{1, 2, 3, 6, 7}) {
                busy += Long.parseLong(ticks[column]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private static void awaitReadModels(ReadModels readModels) {
        Awaitility.await("the read models caught up").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> readModels.status().stream()
                        .allMatch(status -> status.position() >= status.head()));
    }

    /** After a warm-up: waits until the journal and every read model hold its events. */
    private static void settle(JdbcTemplate jdbc, ReadModels readModels) {
        System.out.printf("  (the journal had the warm-up's events %.0f ms after its last command)%n",
                awaitJournal(jdbc));
        awaitReadModels(readModels);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Waits until every event is journaled (or refused as unsealed); returns how many milliseconds that took. */
    private static double awaitJournal(JdbcTemplate jdbc) {
        long from = System.nanoTime();
        Awaitility.await("the journal caught up").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.queryForObject("SELECT (SELECT count(*) FROM journal_entry) + (SELECT count(*) FROM "
                        + "journal_anomaly) - (SELECT count(*) FROM domain_event_entry)", Long.class) == 0);
        return (System.nanoTime() - from) / 1e6;
    }

    static void setUp(HttpClient http, int port, String authorization, int client) throws Exception {
        post(http, port, authorization, "/api/v1/programs", """
                {"programId":"BENCH-%d","name":"Bench","currency":"USD","targetAmount":"900000000000.00",
                 "maxDebtPct":"90","effectiveDate":"%s"}""".formatted(client, DAY));
        post(http, port, authorization, "/api/v1/programs/BENCH-" + client + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD","effectiveDate":"%s"}"""
                .formatted(DAY));
    }

    private static void inProcess(CommandGateway gateway, int client) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new IncreaseCommitment(
                new ProgramId("BENCH-" + client), new InvestorId("A"), new BigDecimal("1.00"), "USD", DAY))
                .andMetaData(MetaData.from(Map.of(AuditKeys.ACTOR, "bench", AuditKeys.CLIENT, "command-benchmark"))));
    }

    static void overHttp(HttpClient http, int port, String authorization, int client) throws Exception {
        post(http, port, authorization, "/api/v1/programs/BENCH-" + client + "/commitments/A/increase",
                "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"" + DAY + "\"}");
    }

    /** A POST that must answer 201, with a fresh Idempotency-Key and any other headers given. */
    static HttpResponse<String> post(HttpClient http, int port, String authorization, String path,
                                     String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Single-row inserts of ~600 bytes, each its own transaction, from the same number of clients. */
    static Timing rawInserts(DataSource dataSource, int total) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, "
                    + "aggregate_id varchar(64) NOT NULL, sequence bigint NOT NULL, payload bytea NOT NULL)");
        }
        byte[] payload = new byte[600];
        Arrays.fill(payload, (byte) 'x');
        return run(total, (client, i) -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO bench_raw_insert (aggregate_id, sequence, payload) VALUES (?, ?, ?)")) {
                connection.setAutoCommit(true);
                insert.setString(1, "BENCH-" + client);
                insert.setLong(2, i);
                insert.setBytes(3, payload);
                insert.executeUpdate();
            }
        });
    }

    interface Call {
        void run(int client, int i) throws Exception;
    }

    /** Elapsed time and each call's latency. */
    record Timing(long nanos, long[] latencies) {
    }

    /** {@code total} calls split across {@value #CLIENTS} clients, each calling in a loop. */
    static Timing run(int total, Call call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, cpu.clientThreads());
        long[] latencies = new long[total];
        int perClient = total / CLIENTS;
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(() -> {
                for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    call.run(client, i);
                    latencies[client * perClient + i] = System.nanoTime() - start;
                }
                return null;
            });
        }
        long start = System.nanoTime();
        try {
            for (Future<Void> done : clients.invokeAll(work)) {
                done.get();
            }
        } finally {
            clients.shutdown();
        }
        return new Timing(System.nanoTime() - start, Arrays.copyOf(latencies, perClient * CLIENTS));
    }

    static BenchReport.Figure rate(BenchReport.Run run, String name, String unit, Timing timing,
                                           BenchReport.Figure baseline) {
        return run.rate(name + ", " + CLIENTS + " clients", timing.latencies().length, timing.nanos(), unit, baseline);
    }
}
