package com.capitalledger.api.replica;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.StreamingReplica;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.projections.readmodel.ReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a primary and a real streaming replica of it ({@code ledger.read-replica.url}). Queries are answered
 * by the replica, commands written to the primary. Read-your-writes waits on the tokens as the replica has replayed
 * them: with the replica's replay paused, a query at a new command's position answers 503 READ_MODEL_BEHIND although
 * the primary has applied it, and once replay resumes the new figure; a query without a position meanwhile shows the
 * replica's older state. A replica that is down makes queries 503 DATABASE_UNAVAILABLE, never 500, and commands carry
 * on.
 */
class ReadReplicaIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final Set<ReadModel> POSITIONS = Set.of(ReadModel.PROGRAMS, ReadModel.INVESTOR_POSITIONS,
            ReadModel.TRANCHES, ReadModel.CASH_FLOWS);

    private Path primaryData;
    private Path replicaData;
    private Path digests;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stopEverything() throws IOException {
        if (service != null) {
            service.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
        FileSystemUtils.deleteRecursively(primaryData);
        FileSystemUtils.deleteRecursively(replicaData);
        Files.deleteIfExists(digests);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private HttpClientSupport as(TestUsers user) {
        return new HttpClientSupport("http://localhost:"
                + ((WebServerApplicationContext) service).getWebServer().getPort(), user.basic());
    }

    private static long position(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Ledger-Position").orElseThrow(
                () -> new AssertionError("no Ledger-Position on " + response.statusCode() + " " + response.body())));
    }

    private HttpResponse<String> positions(String query) {
        return as(TestUsers.ANALYST).get("/api/v1/programs/REPLICA/positions" + query);
    }

    /** How many audit entries the trail holds for program REPLICA. */
    private int auditEntries(String query) {
        HttpResponse<String> page = as(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=REPLICA&limit=500"
                + query);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).get("entries").size();
    }

    private static String committed(HttpResponse<String> positions) {
        return json(positions).get("investors").get(0).get("committed").asText();
    }

    @Test
    void queriesReadTheReplicaAndWaitForItsOwnProgress() throws Exception {
        primaryData = Files.createTempDirectory("ledger-primary-");
        replicaData = Files.createTempDirectory("ledger-replica-");
        digests = Files.createTempFile("ledger-replica-digests-", ".ndjson");
        primary = EmbeddedPostgres.builder().setDataDirectory(primaryData).setCleanDataDirectory(false)
                .setPort(freePort()).setRegisterShutdownHook(false).start();
        replica = StreamingReplica.start(primary, primaryData, replicaData, freePort());
        assertThat(StreamingReplica.query(replica, "SELECT pg_is_in_recovery()")).isEqualTo("t");
        await().atMost(Duration.ofSeconds(30)).until(() -> "streaming".equals(StreamingReplica.query(primary,
                "SELECT coalesce(max(state), 'none') FROM pg_stat_replication")));

        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + primary.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--ledger.read-replica.url=jdbc:postgresql://localhost:" + replica.getPort() + "/postgres",
                "--server.port=0",
                "--ledger.journal.signing-key=" + SigningKeys.generate().pem(),
                "--ledger.journal.digest-file=" + digests));
        arguments.addAll(TestUsers.arguments());
        service = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        HttpClientSupport treasury = as(TestUsers.TREASURY);

        assertThat(treasury.postJson("/api/v1/programs", """
                {"programId":"REPLICA","name":"Replica","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""").statusCode()).isEqualTo(201);
        HttpResponse<String> commitment = treasury.postJson("/api/v1/programs/REPLICA/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                 "effectiveDate":"2025-01-22"}""");
        assertThat(commitment.statusCode()).as(commitment.body()).isEqualTo(201);

        HttpResponse<String> read = positions("?minPosition=" + position(commitment));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(committed(read)).isEqualTo("1000.00");
        // Two pools, each in the metrics: the primary's and the replica's.
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        for (String pool : List.of("ledger", "ledger-replica")) {
            assertThat(meters.find("hikaricp.connections.max").tag("pool", pool).gauge()).as(pool).isNotNull()
                    .extracting(Gauge::value).isEqualTo(16.0);
        }

        StreamingReplica.query(replica, "SELECT pg_wal_replay_pause()::text");
        await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(StreamingReplica.query(replica,
                "SELECT pg_get_wal_replay_pause_state()")));

        // Commands go to the primary, whatever the replica does.
        HttpResponse<String> increase = treasury.postJson("/api/v1/programs/REPLICA/commitments/A/increase",
                "{\"amount\":\"5.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-23\"}");
        assertThat(increase.statusCode()).as(increase.body()).isEqualTo(201);
        long increased = position(increase);
        // The primary's read models have applied it: a query still behind can only be waiting on the replica.
        ReadModels readModels = service.getBean(ReadModels.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> readModels.status().stream()
                .filter(status -> POSITIONS.stream().anyMatch(model -> model.processingGroup().equals(status.processingGroup())))
                .allMatch(status -> status.position() >= increased));

        HttpResponse<String> behind = positions("?minPosition=" + increased);
        assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
        assertThat(json(behind).get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(behind.headers().firstValue("Retry-After")).contains("1");

        HttpResponse<String> older = positions("");
        assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
        assertThat(committed(older)).as("the replica's state, before the increase").isEqualTo("1000.00");
        // The program's terms and the audit trail are read there too: a program created meanwhile is not known yet,
        // and the trail holds the two accepted commands from before the pause.
        HttpResponse<String> created = treasury.postJson("/api/v1/programs", """
                {"programId":"LATER","name":"Later","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> unknownThere = as(TestUsers.ANALYST).get("/api/v1/programs/LATER");
        assertThat(unknownThere.statusCode()).as(unknownThere.body()).isEqualTo(404);
        assertThat(json(unknownThere).get("code").asText()).isEqualTo("NO_PROGRAM");
        assertThat(auditEntries("")).isEqualTo(2);

        StreamingReplica.query(replica, "SELECT pg_wal_replay_resume()::text");

        HttpResponse<String> caughtUp = positions("?minPosition=" + increased);
        assertThat(caughtUp.statusCode()).as(caughtUp.body()).isEqualTo(200);
        assertThat(committed(caughtUp)).isEqualTo("1005.00");
        HttpResponse<String> known = as(TestUsers.ANALYST).get("/api/v1/programs/LATER?minPosition=" + position(created));
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(json(known).get("name").asText()).isEqualTo("Later");
        assertThat(auditEntries("&minPosition=" + increased)).isEqualTo(3);

        // The replica down: queries answer 503 DATABASE_UNAVAILABLE promptly, commands are still recorded.
        replica.close();
        for (String query : List.of("", "?minPosition=" + increased)) {
            long start = System.nanoTime();
            HttpResponse<String> unavailable = positions(query);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
            assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
            assertThat(json(unavailable).get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
        }
        HttpResponse<String> meanwhile = treasury.postJson("/api/v1/programs/REPLICA/commitments/A/increase",
                "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-24\"}");
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(201);
        assertThat(json(as(TestUsers.ANALYST).get("/actuator/health/readiness")).get("status").asText())
                .isEqualTo("UP");
    }
}
