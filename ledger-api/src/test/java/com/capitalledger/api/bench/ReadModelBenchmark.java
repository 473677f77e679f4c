package com.capitalledger.api.bench;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The read-model benchmark (not part of the test suite): loads a generated history of N events (default 1,000,000)
 * into a fresh embedded PostgreSQL, then measures, in the same run on the same machine:
 * <ol>
 *     <li>the raw PostgreSQL read rate of the event table (plain JDBC, every column, in global-index order);</li>
 *     <li>rebuilding all read models from the whole history (events/s);</li>
 *     <li>as-of position query latency over HTTP (p50, p99) on random programs and dates.</li>
 * </ol>
 * Run: {@code ./mvnw -pl ledger-api -am -Pbenchmark -DskipTests verify} (optionally {@code -Dbench.events=...}).
 * It forks a JVM with a 512 MB heap.
 */
public final class ReadModelBenchmark {

    private static final int EVENTS_PER_PROGRAM = 1_000;
    private static final int QUERIES = 2_000;
    private static final int WARMUP = 300;

    private ReadModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // Queries sign in as a configured analyst, as a real client would: the figures include authentication.
        String password = UUID.randomUUID().toString();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("bench:" + password).getBytes(UTF_8));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.security.users[0].name=bench", "--ledger.security.users[0].roles=ANALYST",
                "--ledger.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--spring.datasource.url=", "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=true", "--server.port=0",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--logging.level.com.capitalledger.api.admin=INFO")) {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long loadStart = System.nanoTime();
            int programs = load(app.getBean(DataSource.class), app.getBean(Serializer.class), total);
            report("load", total, loadStart, "events generated and inserted (" + programs + " programs)");

            long rawStart = System.nanoTime();
            long rawRows = rawRead(app.getBean(DataSource.class));
            double rawRate = report("raw PostgreSQL read of domain_event_entry", rawRows, rawStart, "rows");

            ReadModels readModels = app.getBean(ReadModels.class);
            long rebuildStart = System.nanoTime();
            readModels.rebuild(List.copyOf(ReadModels.GROUPS.keySet()));
            while (!readModels.status().stream().allMatch(s -> s.state() == ReadModelStatus.State.LIVE
                    && s.position() >= s.head())) {
                Thread.sleep(100);
            }
            double rebuildRate = report("rebuild of all " + ReadModels.GROUPS.size() + " read models", rawRows,
                    rebuildStart, "events");
            System.out.printf("  rebuild / raw read = %.2f%n", rebuildRate / rawRate);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            queries(port, authorization, programs, app.getBean(JdbcTemplate.class));
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap: max %d MB, used now %d MB%n", runtime.maxMemory() >> 20,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
    }

    private static int load(DataSource dataSource, Serializer serializer, int total) throws Exception {
        String insert = "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        SerializedObject<byte[]> metadata = serializer.serialize(MetaData.from(Map.of("actor", "benchmark",
                "correlationId", "bench", "reason", "generated history")), byte[].class);
        int[] programs = {0};
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(insert)) {
            connection.setAutoCommit(false);
            int[] pending = {0};
            new HistoryGenerator().generate(total, EVENTS_PER_PROGRAM, event -> {
                try {
                    SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
                    statement.setString(1, event.aggregateId());
                    statement.setLong(2, event.sequence());
                    statement.setString(3, event.aggregateId().startsWith("base-rate:") ? "BaseRate" : "Program");
                    statement.setString(4, UUID.randomUUID().toString());
                    statement.setBytes(5, metadata.getData());
                    statement.setBytes(6, payload.getData());
                    statement.setString(7, payload.getType().getRevision());
                    statement.setString(8, payload.getType().getName());
                    statement.setString(9, Instant.now().toString());
                    statement.addBatch();
                    if (event.sequence() == 0 && !event.aggregateId().startsWith("base-rate:")) {
                        programs[0]++;
                    }
                    if (++pending[0] % 5_000 == 0) {
                        statement.executeBatch();
                        connection.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            statement.executeBatch();
            connection.commit();
        }
        return programs[0];
    }

    private static long rawRead(DataSource dataSource) throws Exception {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
                            + "payload, payload_revision, payload_type, time_stamp FROM domain_event_entry ORDER BY global_index")) {
                statement.setFetchSize(1_000);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        result.getLong(1);
                        result.getBytes(7);
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }

    private static void queries(int port, String authorization, int programs, JdbcTemplate jdbc) throws Exception {
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
        Arrays.sort(latencies);
        Long rows = jdbc.queryForObject("SELECT count(*) FROM equity_movement WHERE program_id = 'P0'", Long.class);
        System.out.printf("as-of position query over HTTP (%d queries, %d programs, ~%d equity rows per program): "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", QUERIES, programs, rows,
                latencies[QUERIES / 2] / 1e6, latencies[QUERIES * 99 / 100] / 1e6, latencies[QUERIES - 1] / 1e6);
    }

    private static double report(String what, long count, long startNanos, String unit) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = count / seconds;
        System.out.printf("%s: %,d %s in %.1f s = %,.0f/s%n", what, count, unit, seconds, rate);
        return rate;
    }
}
