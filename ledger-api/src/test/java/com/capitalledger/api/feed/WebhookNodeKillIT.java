package com.capitalledger.api.feed;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.projections.processing.LedgerNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database: a second service in its own JVM delivers a subscription, is killed with SIGKILL in the
 * middle of its batch, and this node takes the subscription over once the lease has run out. Nothing is lost, the
 * order holds, and the one entry sent twice goes under the same webhook-id.
 */
@TestPropertySource(properties = {"ledger.test.context=webhook-kill", "ledger.feed.poll=100ms",
        "ledger.feed.webhooks.timeout=1s", "ledger.feed.webhooks.lease=3s", "ledger.feed.webhooks.poll=100ms",
        "ledger.feed.webhooks.retry-first=100ms", "ledger.feed.webhooks.retry-max=400ms"})
@DirtiesContext
class WebhookNodeKillIT extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private WebhookDispatcher dispatcherA;

    @Autowired
    private LedgerNode nodeA;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SigningKeys journalKeys;

    @TempDir
    Path nodeBFiles;

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("actor", "treasury-system")));
    }

    @Test
    void theDeliveringNodeKilledMidBatchLosesNothingAndTheNextNodeGoesOnInOrder() throws Exception {
        dispatcherA.stop();
        int portB = freePort();
        Process nodeB = startNodeB(portB);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofMinutes(2)).until(() -> healthy(client, portB));

            receiver.delay(100);
            long from = jdbc.queryForObject("SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry", Long.class);
            HttpResponse<String> created = http(TestUsers.ADMIN).postJson("/api/v1/subscriptions",
                    "{\"url\":\"" + receiver.url("/kill") + "\",\"programId\":\"KILL\",\"fromSeq\":" + from + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created).get("subscriptionId").asText();
            receiver.trust(json(created).get("secret").asText());

            ProgramId program = new ProgramId("KILL");
            send(new CreateProgram(program, "Kill", "USD", new BigDecimal("1000000000.00"), new BigDecimal("80"),
                    LocalDate.of(2025, 1, 1)));
            send(new CommitEquity(program, new InvestorId("A"), "Alpha", new BigDecimal("1000.00"), "USD",
                    LocalDate.of(2025, 1, 1)));
            for (int i = 0; i < 58; i++) {
                send(new IncreaseCommitment(program, new InvestorId("A"), new BigDecimal("1.00"), "USD",
                        LocalDate.of(2025, 1, 2)));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acknowledged().size() >= 10);
            String owner = jdbc.queryForObject("SELECT lease_owner FROM feed_subscription WHERE subscription_id = ?",
                    String.class, id);
            assertThat(owner).as("node B delivers").isNotNull().isNotEqualTo(nodeA.id());
            nodeB.destroyForcibly();
            assertThat(nodeB.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            int beforeTakeOver = receiver.received().size();
            assertThat(beforeTakeOver).as("killed mid-batch").isLessThan(60);

            dispatcherA.start();
            List<Long> expected = jdbc.queryForList("SELECT j.seq FROM journal_entry j JOIN domain_event_entry e "
                    + "ON e.global_index = j.global_index WHERE e.aggregate_identifier = 'KILL' ORDER BY j.seq",
                    Long.class);
            assertThat(expected).hasSize(60);
            await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(expected.get(59)).equals(
                    jdbc.queryForObject("SELECT delivered_through_seq FROM feed_subscription "
                            + "WHERE subscription_id = ?", Long.class, id)));

            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).allSatisfy(r -> assertThat(r.verified()).isTrue());
            List<Long> seqs = received.stream().map(WebhookReceiver.Received::seq).toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("in order at " + i).isGreaterThanOrEqualTo(seqs.get(i - 1));
            }
            assertThat(new ArrayList<>(new LinkedHashSet<>(seqs))).containsExactlyElementsOf(expected);
            assertThat(received.stream().map(WebhookReceiver.Received::webhookId).distinct().count())
                    .as("one webhook-id per entry, the same on a repeat").isEqualTo(60);
            assertThat(received.size() - 60).as("entries sent twice: at most the one in flight").isBetween(0, 1);
            assertThat(jdbc.queryForObject("SELECT lease_owner FROM feed_subscription WHERE subscription_id = ?",
                    String.class, id)).isEqualTo(nodeA.id());

            JsonNode log = json(http(TestUsers.ADMIN).get("/api/v1/subscriptions/" + id + "/deliveries?limit=500"));
            List<Long> acknowledged = new ArrayList<>();
            log.get("deliveries").forEach(a -> {
                if (a.get("statusCode").asInt(0) / 100 == 2) {
                    acknowledged.add(0, a.get("seq").asLong());
                }
            });
            assertThat(acknowledged).as("the log: each entry acknowledged once, in order")
                    .containsExactlyElementsOf(expected);
        } finally {
            nodeB.destroyForcibly();
            dispatcherA.start();
        }
    }

    private Process startNodeB(int port) throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(repository().resolve("ledger-api/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("ledger-api-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString(),
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=postgres", "--server.port=" + port,
                "--ledger.journal.signing-key=" + journalKeys.pem(),
                "--ledger.journal.digest-file=" + nodeBFiles.resolve("digests.ndjson"),
                "--ledger.feed.poll=100ms", "--ledger.feed.webhooks.timeout=1s", "--ledger.feed.webhooks.lease=3s",
                "--ledger.feed.webhooks.poll=100ms"));
        command.addAll(TestUsers.arguments());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(nodeBFiles.resolve("node-b.log").toFile()).start();
    }

    private static boolean healthy(HttpClient client, int port) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md")) || !Files.exists(directory.resolve("ledger-api"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
