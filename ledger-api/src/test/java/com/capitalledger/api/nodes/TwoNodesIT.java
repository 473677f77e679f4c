package com.capitalledger.api.nodes;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.NodeCensus;
import io.micrometer.core.instrument.MeterRegistry;
import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.readmodel.ReadModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service nodes on one database. Read-model status is the same on both (positions and claims come from the
 * shared token store, not from the processors a node happens to run), and a rebuild started on either is seen by
 * both: queries answer 503 on both until it is done, and the node that held the processors hands them over. Both
 * writing at once make one journal.
 */
@TestPropertySource(properties = "ledger.test.context=two-nodes")
@DirtiesContext
class TwoNodesIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private LedgerNode nodeA;

    @Autowired
    private NodeCensus censusA;

    @Autowired
    private MeterRegistry metersA;

    /** Every node of one ledger signs and seals with the same key. */
    @Autowired
    private SigningKeys journalKeys;
    @TempDir
    Path nodeBFiles;

    private ConfigurableApplicationContext nodeB;

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private HttpClientSupport onB(TestUsers user) {
        return new HttpClientSupport("http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort(),
                user.basic());
    }

    private void startNodeB(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=postgres", "--server.port=0", "--ledger.test.context=node-b",
                "--ledger.journal.signing-key=" + journalKeys.pem(),
                // Each node writes its own digest file; the default would be under the user's home.
                "--ledger.journal.digest-file=" + nodeBFiles.resolve("digests.ndjson")));
        arguments.addAll(TestUsers.arguments());
        arguments.addAll(List.of(extra));
        nodeB = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void bothNodesReportTheSameStatusAndSeeARebuildStartedOnEither() {
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"TWO","name":"Two nodes","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""").statusCode()).isEqualTo(201);
        awaitReadModelStatusesAtHead();
        startNodeB();
        LedgerNode nodeBId = nodeB.getBean(LedgerNode.class);
        assertThat(nodeBId).isNotEqualTo(nodeA);

        // Node A started first and holds every segment; node B processes nothing, yet reports what A does.
        JsonNode onA = json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models"));
        JsonNode onBStatus = json(onB(TestUsers.ADMIN).get("/api/v1/admin/read-models"));
        for (int i = 0; i < onA.size(); i++) {
            JsonNode a = onA.get(i);
            JsonNode b = onBStatus.get(i);
            assertThat(b.get("name")).isEqualTo(a.get("name"));
            assertThat(b.get("state").asText()).as(a.get("name").asText()).isEqualTo("LIVE");
            assertThat(b.get("position").asLong()).as(a.get("name").asText())
                    .isEqualTo(a.get("position").asLong()).isEqualTo(a.get("head").asLong()).isPositive();
            assertThat(b.get("segments").findValuesAsText("node")).isSubsetOf(nodeA.id(), nodeBId.id());
        }

        // A rebuild asked of node B: node A lets go of the processors, and both answer 503 meanwhile.
        HttpResponse<String> rebuild = onB(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        HttpResponse<String> duringOnA = http(TestUsers.ANALYST).get("/api/v1/programs/TWO/positions?asOf=2025-12-31");
        assertThat(duringOnA.statusCode()).as(duringOnA.body()).isEqualTo(503);
        assertThat(json(duringOnA).get("code").asText()).isEqualTo("READ_MODEL_REBUILDING");
        assertThat(duringOnA.headers().firstValue("Retry-After")).isPresent();
        JsonNode rebuildingOnA = json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models/tranches"));
        assertThat(rebuildingOnA.get("rebuildNode").asText()).isEqualTo(nodeBId.id());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (HttpClientSupport admin : List.of(http(TestUsers.ADMIN), onB(TestUsers.ADMIN))) {
                for (JsonNode model : json(admin.get("/api/v1/admin/read-models"))) {
                    assertThat(model.get("state").asText()).as(model.get("name").asText()).isEqualTo("LIVE");
                    assertThat(model.get("rebuildFinishedAt").isNull()).isFalse();
                }
            }
        });
        for (HttpClientSupport analyst : List.of(http(TestUsers.ANALYST), onB(TestUsers.ANALYST))) {
            HttpResponse<String> positions = analyst.get("/api/v1/programs/TWO/positions?asOf=2025-12-31");
            assertThat(positions.statusCode()).as(positions.body()).isEqualTo(200);
        }
        assertThat(json(onB(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", ""))
                .get("differenceCount").asLong()).isZero();
    }

    @Test
    void twoNodesWritingAtOnceMakeOneJournalWithNoGapNoDuplicateAndOneRoot() throws Exception {
        startNodeB();
        List<HttpClientSupport> nodes = List.of(http(), onB(TestUsers.TREASURY));
        // Four writers at once, two on each node, each on a program of its own: commitments and a refusal each.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> written = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            HttpClientSupport client = nodes.get(writer % 2);
            String program = "J" + writer;
            assertThat(client.postJson("/api/v1/programs", """
                    {"programId":"%s","name":"Journal","currency":"USD","targetAmount":"100000000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-21"}""".formatted(program)).statusCode()).isEqualTo(201);
            written.add(writers.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    statuses.add(client.postJson("/api/v1/programs/" + program + "/commitments", """
                            {"investorId":"I%02d","investorName":"Investor","amount":"100.00","currency":"USD",
                             "effectiveDate":"2025-01-22"}""".formatted(i)).statusCode());
                }
                statuses.add(client.postJson("/api/v1/programs/" + program + "/tranches/NONE/draws",
                        "{\"drawId\":\"D\",\"amount\":\"1.00\",\"currency\":\"USD\","
                                + "\"effectiveDate\":\"2025-01-23\"}").statusCode());
                return statuses;
            }));
        }
        for (Future<List<Integer>> writer : written) {
            List<Integer> statuses = writer.get(2, TimeUnit.MINUTES);
            assertThat(statuses.subList(0, 25)).containsOnly(201);
            assertThat(statuses.get(25)).as("the refusal").isEqualTo(422);
        }
        writers.shutdown();

        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        await("the journal has every event of both nodes").atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class) == events);
        assertThat(jdbc.queryForList("SELECT seq FROM journal_entry ORDER BY seq", Long.class))
                .as("dense from 0").isEqualTo(LongStream.range(0, events).boxed().toList());
        assertThat(jdbc.queryForList("SELECT event_identifier FROM journal_entry", String.class))
                .as("each event once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                        jdbc.queryForList("SELECT event_identifier FROM domain_event_entry", String.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_anomaly", Long.class))
                .as("node B's events sealed with the ledger's one key").isZero();
        JsonNode onA = json(http(TestUsers.COMPLIANCE).get("/api/v1/journal/digest"));
        JsonNode onBDigest = json(onB(TestUsers.COMPLIANCE).get("/api/v1/journal/digest"));
        assertThat(onA.get("treeSize").asLong()).isEqualTo(events);
        assertThat(onBDigest.get("treeSize").asLong()).isEqualTo(events);
        assertThat(onBDigest.get("rootHash").asText()).isEqualTo(onA.get("rootHash").asText());
        assertThat(onBDigest.get("keyId").asText()).isEqualTo(onA.get("keyId").asText());
    }
    /**
     * Eight writers on one program, four on each node, without If-Match: they queue among the nodes as within one,
     * so every command is 201 and none lost a race for the program (neither node decided one again).
     */
    @Test
    void writersOnOneProgramOnBothNodesQueueInsteadOfRacing() throws Exception {
        startNodeB();
        NodeCensus censusB = nodeB.getBean(NodeCensus.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !censusA.alone() && !censusB.alone());
        programWithInvestorA("QUEUED");
        MeterRegistry metersB = nodeB.getBean(MeterRegistry.class);
        double retriesBefore = retries(metersA) + retries(metersB);
        int writers = 8;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Integer>>> statuses = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            HttpClientSupport client = writer % 2 == 0 ? http() : onB(TestUsers.TREASURY);
            statuses.add(pool.submit(() -> {
                List<Integer> answered = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    answered.add(client.postJson("/api/v1/programs/QUEUED/commitments/A/increase",
                            "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-23\"}")
                            .statusCode());
                }
                return answered;
            }));
        }
        pool.shutdown();
        for (Future<List<Integer>> writer : statuses) {
            assertThat(writer.get(2, TimeUnit.MINUTES)).containsOnly(201);
        }
        assertThat(retries(metersA) + retries(metersB) - retriesBefore).as("commands decided again").isZero();
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'QUEUED'", Long.class)).isEqualTo(1 + writers * each);
    }

    /**
     * A command whose turn among the nodes does not come within {@code ledger.commands.queue-wait} is answered 503
     * PROGRAM_BUSY with Retry-After, records nothing and leaves its Idempotency-Key free: the retry with the same key,
     * once the program is free, is the command's first answer.
     */
    @Test
    void aTurnAmongTheNodesThatDoesNotComeIsRefusedAndRecordsNothing() throws Exception {
        startNodeB("--ledger.commands.queue-wait=500ms");
        NodeCensus censusB = nodeB.getBean(NodeCensus.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !censusB.alone());
        programWithInvestorA("BUSY");
        String increase = "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-23\"}";
        String path = "/api/v1/programs/BUSY/commitments/A/increase";
        try (var holder = dataSource.getConnection(); var lock = holder.createStatement()) {
            // Another node's command on the program, holding its turn.
            lock.execute("SELECT pg_advisory_lock(hashtextextended('programs/BUSY', 0))");
            HttpResponse<String> busy = onB(TestUsers.TREASURY).postJson(path, increase, "Idempotency-Key", "busy-1");
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(json(busy).get("code").asText()).isEqualTo("PROGRAM_BUSY");
            assertThat(json(busy).get("detail").asText())
                    .startsWith("commands on programs/BUSY are queued for longer than 500 ms among the nodes");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            lock.execute("SELECT pg_advisory_unlock(hashtextextended('programs/BUSY', 0))");
        }
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'BUSY'", Long.class)).isEqualTo(1);
        HttpResponse<String> retried = onB(TestUsers.TREASURY).postJson(path, increase, "Idempotency-Key", "busy-1");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'BUSY'", Long.class)).isEqualTo(2);
    }

    /** A program with investor A committed for 1,000.00, created on node A. */
    private void programWithInvestorA(String programId) {
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"%s","name":"Queued","currency":"USD","targetAmount":"100000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21"}""".formatted(programId)).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/programs/" + programId + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                 "effectiveDate":"2025-01-22"}""").statusCode()).isEqualTo(201);
    }

    private static double retries(MeterRegistry meters) {
        return meters.counter("ledger.commands.retries").count();
    }

    /**
     * Each node keeps the programs it decided on in memory; a program changed on the other node since is reloaded,
     * never decided on as it was (the old one would refuse these commands: an unknown investor, a duplicate).
     */
    @Test
    void aProgramCachedOnOneNodeDecidesOnWhatTheOtherNodeAppended() {
        startNodeB();
        HttpClientSupport onA = http();
        HttpClientSupport onBWriter = onB(TestUsers.TREASURY);
        assertThat(onA.postJson("/api/v1/programs", """
                {"programId":"CACHED","name":"Cached","currency":"USD","targetAmount":"100000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21"}""").statusCode()).isEqualTo(201);
        String commit = """
                {"investorId":"%s","investorName":"Investor","amount":"1000.00","currency":"USD",
                 "effectiveDate":"2025-01-22"}""";
        String increase = "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-22\"}";
        for (int round = 0; round < 5; round++) {
            HttpClientSupport writer = round % 2 == 0 ? onA : onBWriter;
            HttpClientSupport other = round % 2 == 0 ? onBWriter : onA;
            String investor = "I" + round;
            HttpResponse<String> committed = writer.postJson("/api/v1/programs/CACHED/commitments", commit.formatted(investor));
            assertThat(committed.statusCode()).as(committed.body()).isEqualTo(201);
            HttpResponse<String> increased = other.postJson(
                    "/api/v1/programs/CACHED/commitments/" + investor + "/increase", increase);
            assertThat(increased.statusCode()).as(increased.body()).isEqualTo(201);
            HttpResponse<String> again = writer.postJson("/api/v1/programs/CACHED/commitments", commit.formatted("N" + round));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            HttpResponse<String> duplicate = other.postJson("/api/v1/programs/CACHED/commitments", commit.formatted("N" + round));
            assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(422);
            assertThat(json(duplicate).get("code").asText()).isEqualTo("DUPLICATE_ID");
        }
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'CACHED'", Long.class)).isEqualTo(15);
    }

    /**
     * Each read model's two segments end up one on each node (the first node to start claims both, then hands one
     * over), and a command on either node is seen by a query on the other that asks for its Ledger-Position, every
     * time: for two programs in different segments, so each node reads what the other node's processor applied.
     */
    @Test
    void twoNodesShareTheReadModelsAndAQueryWithACommandsLedgerPositionSeesItOnTheOtherNodeEveryTime() {
        startNodeB();
        LedgerNode nodeBId = nodeB.getBean(LedgerNode.class);
        await("each read model's segments shared").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String group : ReadModel.IDS) {
                assertThat(jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ?", String.class,
                        group)).as(group).containsExactlyInAnyOrder(nodeA.id(), nodeBId.id());
            }
        });
        // "S0".hashCode() is odd and "S1".hashCode() even: the programs fall in different segments.
        List<String> programs = List.of("S0", "S1");
        List<HttpClientSupport> writers = List.of(http(), onB(TestUsers.TREASURY));
        List<HttpClientSupport> readers = List.of(http(TestUsers.ANALYST), onB(TestUsers.ANALYST));
        for (String program : programs) {
            assertThat(writers.get(0).postJson("/api/v1/programs", """
                    {"programId":"%s","name":"Read your writes","currency":"USD","targetAmount":"100000000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-21"}""".formatted(program)).statusCode()).isEqualTo(201);
            assertThat(writers.get(0).postJson("/api/v1/programs/" + program + "/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                     "effectiveDate":"2025-01-22"}""").statusCode()).isEqualTo(201);
        }
        long previous = -1;
        for (int i = 1; i <= 200; i++) {
            String program = programs.get(i % 2);
            int writer = (i / 2) % 2;
            HttpResponse<String> command = writers.get(writer).postJson(
                    "/api/v1/programs/" + program + "/commitments/A/increase",
                    "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-22\"}");
            assertThat(command.statusCode()).as(command.body()).isEqualTo(201);
            long position = Long.parseLong(command.headers().firstValue("Ledger-Position").orElseThrow());
            assertThat(position).as("positions grow with the commands of one client").isGreaterThan(previous);
            previous = position;

            // Read on the other node, half by parameter, half by header.
            HttpClientSupport reader = readers.get(1 - writer);
            HttpResponse<String> read = i % 4 < 2
                    ? reader.get("/api/v1/programs/" + program + "/investors/A?minPosition=" + position)
                    : reader.get("/api/v1/programs/" + program + "/investors/A", "Ledger-Min-Position",
                    Long.toString(position));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(new BigDecimal(json(read).get("committed").asText())).as("try %d", i)
                    .isEqualByComparingTo(new BigDecimal("1000.00").add(BigDecimal.valueOf((i + 1) / 2)));
        }
        // Both nodes did projection work all along: each still holds one segment of every read model.
        for (String group : ReadModel.IDS) {
            List<ProcessorTokens.Segment> segments = nodeB.getBean(ProcessorTokens.class).of(List.of(group));
            assertThat(segments).as(group).extracting(ProcessorTokens.Segment::owner)
                    .containsExactlyInAnyOrder(nodeA.id(), nodeBId.id());
        }
    }
}
