package com.capitalledger.api.feed;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhook subscriptions over real HTTP, delivered to a real receiver that checks every signature with the Standard
 * Webhooks reference library. Back-off, lease and give-up are shortened so faults play out in seconds.
 */
@TestPropertySource(properties = {"ledger.test.context=webhooks", "ledger.feed.poll=100ms",
        "ledger.feed.webhooks.timeout=1s", "ledger.feed.webhooks.lease=3s", "ledger.feed.webhooks.poll=100ms",
        "ledger.feed.webhooks.retry-first=100ms", "ledger.feed.webhooks.retry-max=400ms",
        "ledger.feed.webhooks.give-up-after=6s"})
@DirtiesContext
class WebhookIT extends IntegrationTest {

    private static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    @Autowired
    private CommandGateway commands;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("actor", "treasury-system").and("correlationId", "webhook-it")));
    }

    /** A program with one investor and {@code increases} more events: 2 + increases events. */
    private void program(String id, int increases) {
        ProgramId program = new ProgramId(id);
        send(new CreateProgram(program, "Webhooks", "USD", new BigDecimal("1000000000.00"), new BigDecimal("80"),
                LocalDate.of(2025, 1, 1)));
        send(new CommitEquity(program, new InvestorId("A"), "Alpha", new BigDecimal("1000.00"), "USD",
                LocalDate.of(2025, 1, 1)));
        increase(id, increases);
    }

    private void increase(String id, int times) {
        for (int i = 0; i < times; i++) {
            send(new IncreaseCommitment(new ProgramId(id), new InvestorId("A"), new BigDecimal("1.00"), "USD",
                    LocalDate.of(2025, 1, 2)));
        }
    }

    private long journalSize() {
        return jdbc.queryForObject("SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry", Long.class);
    }

    /** The seqs of a program's entries in the journal, in order: what a subscription to it must deliver. */
    private List<Long> seqsOf(String program, long from) {
        return jdbc.queryForList("SELECT j.seq FROM journal_entry j JOIN domain_event_entry e "
                + "ON e.global_index = j.global_index WHERE e.aggregate_identifier = ? AND j.seq >= ? ORDER BY j.seq",
                Long.class, program, from);
    }

    private void awaitJournaled(String program, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> seqsOf(program, 0).size() == events);
    }

    private JsonNode subscribe(String body) {
        HttpResponse<String> created = http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode subscription = json(created);
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith(SUBSCRIPTIONS + "/" + subscription.get("subscriptionId").asText());
        receiver.trust(subscription.get("secret").asText());
        return subscription;
    }

    private JsonNode status(String id) {
        HttpResponse<String> response = http(TestUsers.ADMIN).get(SUBSCRIPTIONS + "/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private List<JsonNode> log(String id) {
        List<JsonNode> attempts = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(http(TestUsers.ADMIN).get(SUBSCRIPTIONS + "/" + id + "/deliveries?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("deliveries").forEach(attempts::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        Collections.reverse(attempts);
        return attempts;
    }

    /**
     * Every delivery verified, seqs never going backwards except to repeat the one not acknowledged, each repeat under
     * the same webhook-id with the same body, and every expected entry acknowledged.
     */
    private void assertDeliveredInOrder(List<WebhookReceiver.Received> received, List<Long> expected) {
        assertThat(received).allSatisfy(r -> {
            assertThat(r.verified()).as("signature of seq " + r.seq()).isTrue();
            assertThat(r.webhookId()).isEqualTo(r.eventId());
        });
        Map<Long, WebhookReceiver.Received> first = new HashMap<>();
        long last = -1;
        for (WebhookReceiver.Received r : received) {
            assertThat(r.seq()).as("seqs in order").isGreaterThanOrEqualTo(last);
            last = r.seq();
            WebhookReceiver.Received before = first.putIfAbsent(r.seq(), r);
            if (before != null) {
                assertThat(r.webhookId()).isEqualTo(before.webhookId());
                assertThat(r.body()).isEqualTo(before.body());
            }
        }
        assertThat(new ArrayList<>(new LinkedHashSet<>(received.stream().map(WebhookReceiver.Received::seq).toList())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void throughAnOutageASlowReceiverAndErrorsEveryEntryArrivesInOrderAndTheLogSaysWhatHappened() throws Exception {
        String program = "WEBHOOK-FAULTS";
        long from = journalSize();
        JsonNode subscription = subscribe("{\"url\":\"" + receiver.url("/ledger") + "\",\"programId\":\"" + program
                + "\",\"fromSeq\":" + from + "}");
        String id = subscription.get("subscriptionId").asText();
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.get("secret").asText()).startsWith("whsec_");

        program(program, 8);
        awaitJournaled(program, 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() == 10);

        receiver.stop();
        increase(program, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> log(id).stream()
                .filter(a -> a.get("statusCode").isNull()).count() >= 3);
        JsonNode down = status(id);
        assertThat(down.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(down.get("lastError").asText()).isNotBlank();
        assertThat(down.get("attempts").asInt()).isGreaterThanOrEqualTo(3);

        // Up again, but slower than the ledger waits for its first two answers, then failing three times.
        AtomicInteger answered = new AtomicInteger();
        receiver.delay(1_500);
        receiver.answer(() -> {
            int n = answered.incrementAndGet();
            if (n == 2) {
                receiver.delay(0);
            }
            return n <= 2 ? 200 : n <= 5 ? 500 : 200;
        });
        receiver.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).get("deliveredThroughSeq").asLong(-1)
                == seqsOf(program, 0).get(14));

        List<Long> expected = seqsOf(program, from);
        assertThat(expected).hasSize(15);
        assertDeliveredInOrder(receiver.received(), expected);

        // The log holds every attempt the ledger made, and what each came to.
        List<JsonNode> attempts = log(id);
        List<Long> acknowledgedInLog = attempts.stream().filter(a -> a.get("statusCode").asInt(0) / 100 == 2)
                .map(a -> a.get("seq").asLong()).toList();
        assertThat(acknowledgedInLog).containsExactlyElementsOf(expected);
        assertThat(attempts.stream().filter(a -> a.get("statusCode").asInt(0) == 500).count()).isEqualTo(3);
        assertThat(attempts.stream().filter(a -> a.path("error").asText("").startsWith("no answer within")).count())
                .isEqualTo(2);
        assertThat(attempts).allSatisfy(a -> assertThat(a.get("webhookId").asText()).isEqualTo(
                jdbc.queryForObject("SELECT event_identifier FROM journal_entry WHERE seq = ?", String.class,
                        a.get("seq").asLong())));
        assertThat(receiver.received().stream().filter(r -> r.answered() == 500).count()).isEqualTo(3);
        JsonNode done = status(id);
        assertThat(done.get("attempts").asInt()).isZero();
        assertThat(done.get("lastError").isNull()).isTrue();
        assertThat(done.get("nextSeq").asLong()).isEqualTo(journalSize());
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneAndTheReferenceLibraryRefusesTamperingAndOldTimestamps() throws Exception {
        String program = "WEBHOOK-ROTATION";
        JsonNode subscription = subscribe("{\"url\":\"" + receiver.url("/hook") + "\",\"programId\":\"" + program
                + "\",\"types\":[\"ProgramCreated\",\"com.capitalledger.CommitmentIncreased.v1\"]}");
        String id = subscription.get("subscriptionId").asText();
        assertThat(subscription.get("types")).extracting(JsonNode::asText)
                .containsExactly("ProgramCreated", "CommitmentIncreased");
        String old = subscription.get("secret").asText();

        program(program, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() == 2);
        assertThat(receiver.received()).extracting(r -> parse(r.body()).get("type").asText())
                .containsExactly("com.capitalledger.ProgramCreated.v1", "com.capitalledger.CommitmentIncreased.v1");

        HttpResponse<String> rotated = http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS + "/" + id + "/rotate-secret", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String fresh = json(rotated).get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        Instant until = Instant.parse(json(rotated).get("previousSecretValidUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        receiver.trust(old);
        increase(program, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() == 3);
        WebhookReceiver.Received signedTwice = receiver.received().get(2);
        assertThat(signedTwice.verified()).as("the old secret still verifies").isTrue();
        assertThat(signedTwice.signature().split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(signedTwice.webhookId()),
                "webhook-timestamp", List.of(signedTwice.timestamp()),
                "webhook-signature", List.of(signedTwice.signature()));
        new Webhook(fresh).verify(signedTwice.body(), headers);
        new Webhook(old).verify(signedTwice.body(), headers);

        String tampered = signedTwice.body().replace("\"1.00\"", "\"1000000.00\"");
        assertThat(tampered).isNotEqualTo(signedTwice.body());
        assertThatThrownBy(() -> new Webhook(fresh).verify(tampered, headers))
                .isInstanceOf(WebhookVerificationException.class);
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        String resigned = new Webhook(fresh).sign(signedTwice.webhookId(), sixMinutesAgo, signedTwice.body());
        assertThatThrownBy(() -> new Webhook(fresh).verify(signedTwice.body(), Map.of(
                "webhook-id", List.of(signedTwice.webhookId()),
                "webhook-timestamp", List.of(Long.toString(sixMinutesAgo)),
                "webhook-signature", List.of(resigned)))).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
        assertThat(Long.parseLong(signedTwice.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
    }

    @Test
    void aSubscriptionThatFailsTooLongIsPausedAndResumesWhereItStoppedWhenRedelivered() {
        String program = "WEBHOOK-PAUSE";
        AtomicInteger status = new AtomicInteger(503);
        receiver.answer(status::get);
        JsonNode subscription = subscribe("{\"url\":\"" + receiver.url("/hook") + "\",\"programId\":\"" + program
                + "\"}");
        String id = subscription.get("subscriptionId").asText();
        program(program, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).get("status").asText().equals("PAUSED"));
        JsonNode paused = status(id);
        assertThat(paused.get("pausedReason").asText()).startsWith("no delivery acknowledged for");
        assertThat(paused.get("deliveredThroughSeq").isNull()).isTrue();
        int attemptsWhenPaused = log(id).size();
        assertThat(attemptsWhenPaused).isGreaterThanOrEqualTo(3);
        long firstSeq = seqsOf(program, 0).get(0);
        assertThat(log(id)).allSatisfy(a -> {
            assertThat(a.get("seq").asLong()).isEqualTo(firstSeq);
            assertThat(a.get("statusCode").asInt()).isEqualTo(503);
        });

        status.set(204);
        HttpResponse<String> resumed = http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS + "/" + id + "/redeliver", "");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(json(resumed).get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).get("deliveredThroughSeq").asLong(-1)
                == seqsOf(program, 0).get(2));
        assertThat(receiver.acknowledged()).containsExactlyElementsOf(seqsOf(program, 0));

        // Rewound: everything again, under the same webhook-ids.
        int before = receiver.received().size();
        assertThat(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS + "/" + id + "/redeliver?fromSeq=" + firstSeq, "")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() == 6);
        assertDeliveredInOrder(receiver.received().subList(before, receiver.received().size()), seqsOf(program, 0));
    }

    @Test
    void onlyAnAdministratorManagesSubscriptionsAndBadRequestsChangeNothing() {
        HttpResponse<String> asTreasury = http(TestUsers.TREASURY).postJson(SUBSCRIPTIONS,
                "{\"url\":\"" + receiver.url("/x") + "\"}");
        assertThat(asTreasury.statusCode()).isEqualTo(403);
        assertThat(json(asTreasury).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(http(TestUsers.COMPLIANCE).get(SUBSCRIPTIONS).statusCode()).isEqualTo(403);
        assertThat(anonymous().get(SUBSCRIPTIONS).statusCode()).isEqualTo(401);
        long before = jdbc.queryForObject("SELECT count(*) FROM feed_subscription", Long.class);

        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{\"url\":\"ftp://example.com/x\"}"),
                400, "VALIDATION_FAILED", "url");
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{\"url\":\"/relative\"}"),
                400, "VALIDATION_FAILED", "url");
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{\"url\":\"" + receiver.url("/x")
                + "\",\"types\":[\"CapitalCalled\",\"NoSuchEvent\"]}"), 400, "VALIDATION_FAILED", "types");
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{\"url\":\"" + receiver.url("/x")
                + "\",\"fromSeq\":" + (journalSize() + 10) + "}"), 400, "VALIDATION_FAILED", "fromSeq");
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{}"), 400, "VALIDATION_FAILED", "url");
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS, "{\"url\":\"" + receiver.url("/x")
                + "\",\"programId\":\"no such id!\"}"), 400, "VALIDATION_FAILED", "programId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM feed_subscription", Long.class)).isEqualTo(before);

        String id = subscribe("{\"url\":\"" + receiver.url("/x") + "\"}").get("subscriptionId").asText();
        JsonNode listed = json(http(TestUsers.ADMIN).get(SUBSCRIPTIONS));
        JsonNode mine = null;
        for (JsonNode s : listed) {
            if (s.get("subscriptionId").asText().equals(id)) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.has("secret")).as("a secret is shown once").isFalse();
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS + "/" + id + "/redeliver?fromSeq=-1", ""),
                400, "INVALID_PARAMETER", "fromSeq");
        assertProblem(http(TestUsers.ADMIN).get(SUBSCRIPTIONS + "/" + id + "/deliveries?cursor=abc"),
                400, "INVALID_PARAMETER", "cursor");

        assertThat(http(TestUsers.ADMIN).delete(SUBSCRIPTIONS + "/" + id).statusCode()).isEqualTo(204);
        assertProblem(http(TestUsers.ADMIN).get(SUBSCRIPTIONS + "/" + id), 404, "UNKNOWN_SUBSCRIPTION", null);
        assertProblem(http(TestUsers.ADMIN).delete(SUBSCRIPTIONS + "/" + id), 404, "UNKNOWN_SUBSCRIPTION", null);
        assertProblem(http(TestUsers.ADMIN).postJson(SUBSCRIPTIONS + "/" + id + "/rotate-secret", ""), 404,
                "UNKNOWN_SUBSCRIPTION", null);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        }
    }
}
