package com.capitalledger.api.bench;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The event feed's benchmark (not part of the test suite), each figure beside the raw PostgreSQL insert baseline of
 * the same run:
 * <ol>
 *     <li>feed lag: from a command's answer until a webhook receiver on this machine got its CloudEvent, 200
 *     sequential commands on an idle service, then 100 beside a round of 8 writers (the subscription takes every
 *     event, theirs too);</li>
 *     <li>SSE fan-out: from a command's answer until the last of 100 clients following the feed got its event,
 *     idle and beside 8 writers;</li>
 *     <li>what subscriptions cost: command rounds over HTTP with none, with 10 subscriptions taking every event (10
 *     deliveries a command) and with 10 each following one of the writers' programs (1.25 a command), in rounds of
 *     rotating order; rates, busy CPU per command until every subscription had every event, and the medians.</li>
 * </ol>
 * {@code ./mvnw -pl ledger-api -am -Pbenchmark -DskipTests verify -Dbench.skip.read-model=true
 * -Dbench.skip.commands=true -Dbench.skip.journal=true -Dbench.skip.what-if=true} ({@code -Dbench.commands=...},
 * default 10,000; {@code -Dbench.feed-pairs=...}, default 2).
 */
public final class FeedBenchmark {

    private static final int SUBSCRIPTIONS = 10;
    private static final int SSE_CLIENTS = 100;
    private static final LocalDate DAY = LocalDate.of(2025, 1, 21);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRELATION = "\"correlationid\":\"";

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int pairs = Integer.getInteger("bench.feed-pairs", 2);
        BenchReport report = BenchReport.of("FeedBenchmark").setting("commands", total).setting("clients", 8)
                .setting("subscriptions", SUBSCRIPTIONS).setting("pairs", pairs);
        for (int number = 1; number <= report.runs(); number++) {
            measure(report.run(number), total, pairs);
        }
        System.exit(0);
    }

    /** A receiver that answers 204 at once and notes when each correlation id's event first arrived. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, Long> arrived = new ConcurrentHashMap<>();
        private final AtomicLong deliveries = new AtomicLong();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/", exchange -> {
                try (exchange) {
                    long now = System.nanoTime();
                    // A receiver's own work shares the two cores: the correlation id is found, not parsed.
                    String event = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
                    deliveries.incrementAndGet();
                    int at = event.indexOf(CORRELATION);
                    if (at >= 0) {
                        int from = at + CORRELATION.length();
                        arrived.putIfAbsent(event.substring(from, event.indexOf('"', from)), now);
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void measure(BenchReport.Run run, int total, int pairs) throws Exception {
        String password = UUID.randomUUID().toString();
        String treasury = basic("bench", password);
        String admin = basic("bench-admin", password);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.security.users[0].name=bench", "--ledger.security.users[0].roles=TREASURY",
                "--ledger.security.users[0].password=" + hash,
                "--ledger.security.users[1].name=bench-admin", "--ledger.security.users[1].roles=ADMIN",
                "--ledger.security.users[1].password=" + hash,
                "--spring.datasource.url=", "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=true", "--server.port=0",
                "--logging.structured.format.console=", "--logging.level.root=WARN");
             Receiver receiver = new Receiver()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            CommandBenchmark.cpu = ProcessCpu.of(jdbc);
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(8, CommandBenchmark.cpu.clientThreads())).build();
            ReadModels readModels = app.getBean(ReadModels.class);
            for (int client = 0; client < 8; client++) {
                CommandBenchmark.setUp(http, port, treasury, client);
            }
            CommandBenchmark.post(http, port, treasury, "/api/v1/programs", """
                    {"programId":"BENCH-FEED","name":"Bench","currency":"USD","targetAmount":"900000000000.00",
                     "maxDebtPct":"90","effectiveDate":"%s"}""".formatted(DAY));
            CommandBenchmark.post(http, port, treasury, "/api/v1/programs/BENCH-FEED/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD","effectiveDate":"%s"}"""
                    .formatted(DAY));

            BenchReport.Figure raw = CommandBenchmark.rate(run, "raw PostgreSQL single-row insert transactions",
                    "transactions", CommandBenchmark.rawInserts(app.getBean(DataSource.class), total), null);
            CommandBenchmark.run(total, (client, i) -> CommandBenchmark.overHttp(http, port, treasury, client));
            awaitCaughtUp(jdbc, readModels);

            // Feed lag, one subscription taking every event.
            String lagSubscription = subscribe(http, port, admin, receiver.url());
            run.latency("feed lag, idle (200 sequential commands: answer to webhook received)",
                    lags(http, port, treasury, receiver.arrived, "idle", 200), null);
            ExecutorService load = Executors.newSingleThreadExecutor();
            Future<CommandBenchmark.Timing> loaded = load.submit(() -> CommandBenchmark.run(total,
                    (client, i) -> CommandBenchmark.overHttp(http, port, treasury, client)));
            long[] underLoad = lags(http, port, treasury, receiver.arrived, "loaded", 100);
            CommandBenchmark.rate(run, "commands over HTTP beside the feed lag under load", "commands", loaded.get(),
                    raw);
            run.latency("feed lag beside 8 writers (100 commands)", underLoad, null);
            double behind = awaitDelivered(http, port, admin);
            run.value("every event delivered after the loaded round's last command", "ms", Map.of("after", behind),
                    null);
            // What the lag rounds' deliveries came to, before the subscription (and its log) goes.
            Map<String, Double> failed = new LinkedHashMap<>();
            jdbc.query("SELECT COALESCE(error, 'HTTP ' || status_code), count(*) FROM feed_delivery "
                    + "WHERE subscription_id = ? AND (status_code IS NULL OR status_code / 100 <> 2) GROUP BY 1",
                    rs -> {
                        failed.put(rs.getString(1), (double) rs.getLong(2));
                    }, lagSubscription);
            run.value("failed webhook attempts in the lag rounds", "attempts",
                    failed.isEmpty() ? Map.of("none", 0.0) : failed, null);
            delete(http, port, admin, lagSubscription);
            awaitCaughtUp(jdbc, readModels);

            // Fan-out: 100 SSE clients following the live end; from a command's answer until the last of them got it.
            try (SseClients sse = new SseClients(port, treasury, SSE_CLIENTS)) {
                run.latency("SSE fan-out, idle (100 sequential commands: answer to the last of " + SSE_CLIENTS
                        + " clients)", lags(http, port, treasury, sse.allArrived, "sse-idle", 100), null);
                Future<CommandBenchmark.Timing> beside = load.submit(() -> CommandBenchmark.run(total,
                        (client, i) -> CommandBenchmark.overHttp(http, port, treasury, client)));
                long[] fanOutUnderLoad = lags(http, port, treasury, sse.allArrived, "sse-loaded", 100);
                CommandBenchmark.rate(run, "commands over HTTP beside " + SSE_CLIENTS + " SSE clients", "commands",
                        beside.get(), raw);
                run.latency("SSE fan-out beside 8 writers (100 commands)", fanOutUnderLoad, null);
                run.value("SSE events received", "events", Map.of("count", (double) sse.received.get()), null);
            }
            load.shutdown();
            awaitCaughtUp(jdbc, readModels);

            // What 10 subscriptions cost, against none, in rounds of rotating order: 10 taking every event (10
            // deliveries a command), and 10 each following one of the writers' programs (1.25 a command).
            String[] kinds = {"none", "every", "program"};
            Map<String, List<Double>> rateCosts = new LinkedHashMap<>();
            Map<String, List<Double>> cpuCosts = new LinkedHashMap<>();
            for (int pair = 1; pair <= pairs; pair++) {
                Map<String, CommandBenchmark.Timing> rounds = new LinkedHashMap<>();
                Map<String, Double> cpu = new LinkedHashMap<>();
                Map<String, Double> delivered = new LinkedHashMap<>();
                for (int k = 0; k < kinds.length; k++) {
                    String kind = kinds[(k + pair - 1) % kinds.length];
                    List<String> subscriptions = new ArrayList<>();
                    for (int s = 0; !kind.equals("none") && s < SUBSCRIPTIONS; s++) {
                        subscriptions.add(subscribe(http, port, admin, receiver.url(),
                                kind.equals("every") ? null : "BENCH-" + (s % 8)));
                    }
                    double busyBefore = CommandBenchmark.busyCpuSeconds();
                    rounds.put(kind, CommandBenchmark.run(total,
                            (client, i) -> CommandBenchmark.overHttp(http, port, treasury, client)));
                    delivered.put(kind, awaitDelivered(http, port, admin));
                    awaitCaughtUp(jdbc, readModels);
                    cpu.put(kind, (CommandBenchmark.busyCpuSeconds() - busyBefore) * 1_000 / total);
                    for (String subscription : subscriptions) {
                        delete(http, port, admin, subscription);
                    }
                }
                BenchReport.Figure none = CommandBenchmark.rate(run, "commands over HTTP, no subscription, round "
                        + pair, "commands", rounds.get("none"), null);
                for (String kind : List.of("every", "program")) {
                    String label = kind.equals("every") ? SUBSCRIPTIONS + " subscriptions taking every event"
                            : SUBSCRIPTIONS + " subscriptions each following one program";
                    BenchReport.Figure with = CommandBenchmark.rate(run, "commands over HTTP, " + label + ", round "
                            + pair, "commands", rounds.get(kind), none);
                    run.value("busy CPU per command until every subscription had every event, " + label + ", round "
                            + pair, "ms", Map.of("none", cpu.get("none"), "with", cpu.get(kind)), null);
                    run.value("every event delivered after the last command, " + label + ", round " + pair, "ms",
                            Map.of("after", delivered.get(kind)), null);
                    rateCosts.computeIfAbsent(kind, key -> new ArrayList<>())
                            .add(100 * (1 - CommandBenchmark.rate(with) / CommandBenchmark.rate(none)));
                    cpuCosts.computeIfAbsent(kind, key -> new ArrayList<>())
                            .add(100 * (cpu.get(kind) / cpu.get("none") - 1));
                }
            }
            for (String kind : List.of("every", "program")) {
                Map<String, Double> costs = new LinkedHashMap<>();
                costs.put("commandRate", CommandBenchmark.median(rateCosts.get(kind)));
                costs.put("cpuPerCommand", CommandBenchmark.median(cpuCosts.get(kind)));
                run.value("cost of " + SUBSCRIPTIONS + (kind.equals("every") ? " subscriptions taking every event"
                        : " subscriptions each following one program") + ", median of " + pairs + " rounds", "%",
                        costs, null);
            }
            run.value("webhook deliveries received", "deliveries", Map.of("count", (double) receiver.deliveries.get()),
                    null);
            run.heap();
            run.finish();
        }
    }

    /** Clients of the SSE feed from its live end, each counting the events it got by correlation id. */
    private static final class SseClients implements AutoCloseable {
        private final Map<String, AtomicLong> copies = new ConcurrentHashMap<>();
        private final Map<String, Long> allArrived = new ConcurrentHashMap<>();
        private final AtomicLong received = new AtomicLong();
        private final List<java.io.InputStream> streams = new ArrayList<>();
        private final ExecutorService readers;
        private final int clients;

        SseClients(int port, String authorization, int clients) throws Exception {
            this.clients = clients;
            readers = Executors.newFixedThreadPool(clients);
            HttpClient http = HttpClient.newHttpClient();
            for (int c = 0; c < clients; c++) {
                HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/feed")).header("Authorization", authorization)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the feed answered " + response.statusCode());
                }
                streams.add(response.body());
                readers.execute(() -> read(response.body()));
            }
        }

        private void read(java.io.InputStream body) {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        received.incrementAndGet();
                        String correlation = JSON.readTree(line.substring(5)).path("correlationid").asText();
                        if (copies.computeIfAbsent(correlation, key -> new AtomicLong()).incrementAndGet() == clients) {
                            allArrived.put(correlation, now);
                        }
                    }
                }
            } catch (IOException closed) {
                // the benchmark closed the stream
            }
        }

        @Override
        public void close() {
            for (java.io.InputStream stream : streams) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            readers.shutdownNow();
        }
    }

    /**
     * For each command: nanoseconds from its answer until {@code arrivals} holds its correlation id (the webhook
     * receiver got it, or the last SSE client did).
     */
    private static long[] lags(HttpClient http, int port, String authorization, Map<String, Long> arrivals,
                               String label, int commands) throws Exception {
        long[] lags = new long[commands];
        for (int i = 0; i < commands; i++) {
            String correlation = "feed-" + label + "-" + i;
            CommandBenchmark.post(http, port, authorization, "/api/v1/programs/BENCH-FEED/commitments/A/increase",
                    "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"" + DAY + "\"}",
                    "X-Correlation-Id", correlation);
            long answered = System.nanoTime();
            Awaitility.await(correlation).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(1))
                    .until(() -> arrivals.containsKey(correlation));
            lags[i] = Math.max(0, arrivals.get(correlation) - answered);
        }
        return lags;
    }

    private static String subscribe(HttpClient http, int port, String admin, String url) throws Exception {
        return subscribe(http, port, admin, url, null);
    }

    private static String subscribe(HttpClient http, int port, String admin, String url, String program)
            throws Exception {
        return JSON.readTree(CommandBenchmark.post(http, port, admin, "/api/v1/subscriptions",
                "{\"url\":\"" + url + "\"" + (program == null ? "" : ",\"programId\":\"" + program + "\"")
                        + "}").body()).get("subscriptionId").asText();
    }

    private static void delete(HttpClient http, int port, String admin, String subscription) throws Exception {
        HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/subscriptions/" + subscription)).header("Authorization", admin).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        if (deleted.statusCode() != 204) {
            throw new IllegalStateException("DELETE subscription answered " + deleted.statusCode());
        }
    }

    /** Waits until every subscription has looked at every entry journaled; returns how many milliseconds it took. */
    private static double awaitDelivered(HttpClient http, int port, String admin) {
        long from = System.nanoTime();
        Awaitility.await("every subscription delivered").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> {
                    JsonNode all = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                    + port + "/api/v1/subscriptions")).header("Authorization", admin).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    for (JsonNode subscription : all) {
                        if (subscription.get("lagEntries").asLong() > 0) {
                            return false;
                        }
                    }
                    return true;
                });
        return (System.nanoTime() - from) / 1e6;
    }

    private static void awaitCaughtUp(JdbcTemplate jdbc, ReadModels readModels) {
        Awaitility.await("the journal and the read models caught up").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject("SELECT (SELECT count(*) FROM "
                        + "journal_entry) - (SELECT count(*) FROM domain_event_entry)", Long.class) == 0
                        && readModels.status().stream().allMatch(status -> status.position() >= status.head()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }
}
