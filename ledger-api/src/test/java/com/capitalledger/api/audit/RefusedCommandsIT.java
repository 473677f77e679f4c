package com.capitalledger.api.audit;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command refused to an authenticated caller is a journal entry and an audit line with the code the caller
 * heard, whatever refused it: the role (403 FORBIDDEN), a stale If-Match (412 VERSION_MISMATCH), races lost on every
 * try (409 CONCURRENT_MODIFICATION), a reused idempotency key (422 IDEMPOTENCY_KEY_REUSED). Malformed and
 * unauthenticated requests are counted and logged instead. The journal still verifies after all of them. Its own
 * database: the verification covers every event of it.
 */
// The refused requests' log lines (INFO) among the tests' warnings.
@TestPropertySource(properties = {"ledger.test.context=refused-commands",
        "logging.level.com.capitalledger.api.web.RefusedRequests=INFO"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class RefusedCommandsIT extends IntegrationTest {

    private static final String P = "/api/v1/programs/REFUSED";
    private static final String INCREASE = """
            {"amount":"5.00","currency":"USD","effectiveDate":"2025-01-02","reason":"top-up"}""";

    @Autowired
    private EventStore eventStore;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private MeterRegistry meters;

    private HttpClientSupport compliance;

    @BeforeAll
    void aProgramWithAnInvestor() {
        compliance = http(TestUsers.COMPLIANCE);
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"REFUSED","name":"Refused","currency":"USD","targetAmount":"1000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        assertThat(http().postJson(P + "/commitments", """
                {"investorId":"A","investorName":"A","amount":"1000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""")
                .statusCode()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void aCommandForbiddenToTheCallersRoleIsJournaledAndAuditedWithFORBIDDEN() {
        long keys = keys();
        double journaledForbidden = refusedCount("403", "FORBIDDEN", true);
        HttpResponse<String> refused = http(TestUsers.ANALYST).postJson(P + "/commitments/A/increase", INCREASE,
                "Idempotency-Key", "analyst-tries", "X-Correlation-Id", "forbidden-1");

        assertThat(refused.statusCode()).isEqualTo(403);
        // Counted once the answer has left the filter chain, which can be just after the client has read it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(refusedCount("403", "FORBIDDEN", true))
                .as("counted as a journaled refusal").isEqualTo(journaledForbidden + 1));
        assertThat(json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
        JsonNode line = auditLine(refused);
        assertThat(line.get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(line.get("actor").asText()).isEqualTo("analyst");
        assertThat(line.get("type").asText()).isEqualTo("IncreaseCommitment");
        assertThat(line.get("programId").asText()).isEqualTo("REFUSED");
        assertThat(line.get("investorId").asText()).isEqualTo("A");
        assertThat(line.get("amount").asText()).isEqualTo("5.00");
        assertThat(line.get("effectiveDate").asText()).isEqualTo("2025-01-02");
        assertThat(line.get("reason").asText()).isEqualTo("top-up");
        assertThat(line.get("idempotencyKey").asText()).isEqualTo("analyst-tries");
        assertThat(line.get("detail").asText()).isEqualTo(json(refused).get("detail").asText())
                .contains("needs TREASURY");
        JsonNode entry = journalEntry(line);
        assertThat(entry.get("kind").asText()).isEqualTo("REJECTION");
        assertThat(entry.get("actor").asText()).isEqualTo("analyst");
        assertThat(entry.get("programId").asText()).isEqualTo("REFUSED");
        assertThat(entry.get("payload").get("command").asText()).isEqualTo("IncreaseCommitment");
        assertThat(entry.get("payload").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(entry.get("metadata").get("correlationId").asText()).isEqualTo("forbidden-1");
        assertThat(keys()).as("a refusal before the key is checked uses up no key").isEqualTo(keys);

        // A request that sends no command (a read, an operation) refused 403 is counted and logged, not journaled.
        long events = events();
        HttpResponse<String> read = http(TestUsers.ANALYST).get("/api/v1/audit/entries");
        HttpResponse<String> check = http(TestUsers.TREASURY).postJson("/api/v1/admin/consistency-check", "");
        assertThat(List.of(read.statusCode(), check.statusCode())).containsExactly(403, 403);
        assertThat(read.headers().firstValue("Ledger-Position")).isEmpty();
        assertThat(check.headers().firstValue("Ledger-Position")).isEmpty();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(2)
    void aStaleIfMatchIsJournaledAndAuditedWithVERSION_MISMATCH() {
        HttpResponse<String> stale = http().postJson(P + "/commitments/A/increase", INCREASE,
                "Idempotency-Key", "stale-increase", "If-Match", "\"0\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("code").asText()).isEqualTo("VERSION_MISMATCH");
        JsonNode line = auditLine(stale);
        assertThat(line.get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(line.get("actor").asText()).isEqualTo("treasury");
        assertThat(line.get("type").asText()).isEqualTo("IncreaseCommitment");
        assertThat(line.get("investorId").asText()).isEqualTo("A");
        assertThat(line.get("amount").asText()).isEqualTo("5.00");
        assertThat(line.get("idempotencyKey").asText()).isEqualTo("stale-increase");
        assertThat(line.get("detail").asText()).isEqualTo("If-Match expected version 0 of program REFUSED, which is "
                + "at version 1");
        JsonNode entry = journalEntry(line);
        assertThat(entry.get("payload").get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(entry.get("actor").asText()).isEqualTo("treasury");

        // Not kept with its key: the same request is decided again, refused again, and recorded again.
        HttpResponse<String> again = http().postJson(P + "/commitments/A/increase", INCREASE,
                "Idempotency-Key", "stale-increase", "If-Match", "\"0\"");
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(auditLine(again).get("entryId").asText()).isNotEqualTo(line.get("entryId").asText());
    }

    @Test
    @Order(3)
    void aReusedKeyIsJournaledAndAuditedWithIDEMPOTENCY_KEY_REUSEDButAReplayRecordsNothing() {
        HttpResponse<String> first = http().postJson(P + "/commitments/A/increase", INCREASE,
                "Idempotency-Key", "reused-key");
        HttpResponse<String> other = http().postJson(P + "/commitments/A/increase", INCREASE.replace("5.00", "6.00"),
                "Idempotency-Key", "reused-key");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        JsonNode line = auditLine(other);
        assertThat(line.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(line.get("actor").asText()).isEqualTo("treasury");
        assertThat(line.get("type").asText()).isEqualTo("IncreaseCommitment");
        assertThat(line.get("programId").asText()).isEqualTo("REFUSED");
        assertThat(line.get("investorId").asText()).isEqualTo("A");
        assertThat(line.get("amount").asText()).as("what the refused request asked for").isEqualTo("6.00");
        assertThat(line.get("idempotencyKey").asText()).isEqualTo("reused-key");
        assertThat(journalEntry(line).get("payload").get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // The ledger's own refusal, kept with its key.
        String nothing = INCREASE.replace("5.00", "0.00");
        HttpResponse<String> invalid = http().postJson(P + "/commitments/A/increase", nothing,
                "Idempotency-Key", "invalid-increase");
        assertThat(json(invalid).get("code").asText()).isEqualTo("INVALID_AMOUNT");
        long events = events();
        HttpResponse<String> replay = http().postJson(P + "/commitments/A/increase", INCREASE,
                "Idempotency-Key", "reused-key");
        HttpResponse<String> refusalReplayed = http().postJson(P + "/commitments/A/increase", nothing,
                "Idempotency-Key", "invalid-increase");
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(refusalReplayed.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(refusalReplayed.body()).isEqualTo(invalid.body());
        assertThat(events()).as("a replay records nothing, a refusal's replay no second refusal").isEqualTo(events);
    }

    @Test
    @Order(4)
    void aCommandThatLosesTheRaceOnEveryTryIsJournaledAndAuditedWithCONCURRENT_MODIFICATION() throws Exception {
        long version = json(http().postJson(P + "/commitments/A/increase", INCREASE)).get("version").asLong();
        // Five other writers, each holding the program's next versions uncommitted: every try of the command waits
        // for one of them, which then commits, and the try has lost its race.
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Competitor> competitors = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            competitors.add(new Competitor(version + i, threads));
        }
        for (Competitor competitor : competitors) {
            assertThat(competitor.stored.await(10, TimeUnit.SECONDS)).isTrue();
        }
        CompletableFuture<HttpResponse<String>> command = CompletableFuture.supplyAsync(() -> http()
                .postJson(P + "/commitments/A/increase", INCREASE, "Idempotency-Key", "raced"), threads);
        try {
            while (!command.isDone()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> command.isDone() || blocking(competitors) != null);
                Competitor blocking = blocking(competitors);
                if (blocking != null) {
                    blocking.release();
                }
            }
        } finally {
            competitors.forEach(Competitor::release);
            threads.shutdown();
        }
        for (Competitor competitor : competitors) {
            competitor.done.get(10, TimeUnit.SECONDS);
        }
        HttpResponse<String> lost = command.get();

        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(409);
        assertThat(json(lost).get("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
        JsonNode line = auditLine(lost);
        assertThat(line.get("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(line.get("actor").asText()).isEqualTo("treasury");
        assertThat(line.get("type").asText()).isEqualTo("IncreaseCommitment");
        assertThat(line.get("idempotencyKey").asText()).isEqualTo("raced");
        assertThat(journalEntry(line).get("payload").get("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(keys("raced")).as("a lost race keeps no key: the client retries").isZero();
    }

    @Test
    @Order(5)
    void malformedAndUnauthenticatedRequestsAreCountedAndLoggedNotJournaled(CapturedOutput output) {
        long events = events();
        double unauthenticated = refusedCount("401", "UNAUTHENTICATED", false);
        double malformed = refusedCount("400", "MALFORMED_REQUEST", false);
        String password = "not-" + TestUsers.TREASURY.password();
        HttpClientSupport wrongPassword = new HttpClientSupport("http://localhost:" + port, "Basic " + Base64
                .getEncoder().encodeToString(("treasury:" + password).getBytes()));

        HttpResponse<String> anonymous = anonymous().postJson("/api/v1/programs", "{}",
                "X-Correlation-Id", "counted-anonymous");
        HttpResponse<String> wrong = wrongPassword.postJson("/api/v1/programs", "{}",
                "X-Correlation-Id", "counted-wrong-password");
        HttpResponse<String> notJson = http().postJson("/api/v1/programs", "{\"programId\":",
                "X-Correlation-Id", "counted-malformed");

        assertThat(List.of(anonymous.statusCode(), wrong.statusCode(), notJson.statusCode()))
                .containsExactly(401, 401, 400);
        assertThat(json(notJson).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(events()).isEqualTo(events);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(refusedCount("401", "UNAUTHENTICATED", false)).isEqualTo(unauthenticated + 2);
            assertThat(refusedCount("400", "MALFORMED_REQUEST", false)).isEqualTo(malformed + 1);
        });
        List<String> lines = output.getOut().lines().filter(line -> line.contains("Refused ")).toList();
        assertThat(lines).filteredOn(line -> line.contains("[counted-anonymous]")).singleElement().asString()
                .contains("Refused POST /api/v1/programs: 401 UNAUTHENTICATED (principal none, from ");
        assertThat(lines).filteredOn(line -> line.contains("[counted-wrong-password]")).singleElement().asString()
                .contains("Refused POST /api/v1/programs: 401 UNAUTHENTICATED (principal none, from ");
        assertThat(lines).filteredOn(line -> line.contains("[counted-malformed]")).singleElement().asString()
                .contains("Refused POST /api/v1/programs: 400 MALFORMED_REQUEST (principal treasury, from ");
        assertThat(output.getOut()).doesNotContain(password).doesNotContain(TestUsers.TREASURY.password());
    }

    @Test
    @Order(6)
    void theJournalStillVerifiesAndTheReadModelsAgreeAfterRefusalsOfEveryKind() {
        awaitReadModels();
        long refusals = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type = 'Rejection'",
                Long.class);
        long events = events();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class) == events);

        HttpResponse<String> verified = compliance.postJson("/api/v1/journal/verify", "");

        assertThat(refusals).as("403, 412 twice, 422 reused, 422 invalid, 409").isEqualTo(6);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).get("ok").asBoolean()).as(verified.body()).isTrue();
        assertThat(json(verified).get("entriesChecked").asLong()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_anomaly", Long.class)).isZero();
        assertThat(json(compliance.postJson("/api/v1/admin/consistency-check", "")).get("differenceCount").asLong())
                .isZero();
    }

    /** The one audit line of a refusal, once the trail holds the position its answer names. */
    private JsonNode auditLine(HttpResponse<String> refused) {
        String position = refused.headers().firstValue("Ledger-Position").orElseThrow(() -> new AssertionError(
                "the refusal's answer names no Ledger-Position: " + refused.body()));
        String correlationId = json(refused).get("correlationId").asText();
        HttpResponse<String> page = compliance.get("/api/v1/audit/entries?outcome=REJECTED&limit=1000&minPosition="
                + position);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        json(page).get("entries").forEach(line -> {
            if (line.get("position").asText().equals(position)) {
                lines.add(line);
            }
        });
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(lines.get(0).get("correlationId").asText()).isEqualTo(correlationId);
        return lines.get(0);
    }

    /** The journal's entry of an audit line, once the journal holds it. */
    private JsonNode journalEntry(JsonNode line) {
        String entryId = line.get("entryId").asText();
        long seq = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT seq FROM journal_entry WHERE event_identifier = ?", Long.class, entryId),
                seqs -> !seqs.isEmpty()).get(0);
        List<String> export = compliance.get("/api/v1/journal/export?from=" + seq + "&to=" + (seq + 1)).body()
                .lines().toList();
        assertThat(export).hasSize(1);
        JsonNode entry = parse(export.get(0)).get("entry");
        assertThat(entry.get("eventId").asText()).isEqualTo(entryId);
        assertThat(entry.get("type").asText()).isEqualTo("CommandRejected");
        return entry;
    }

    private double refusedCount(String status, String code, boolean journaled) {
        var counter = meters.find("ledger.requests.refused").tags("status", status, "code", code, "journaled",
                Boolean.toString(journaled)).counter();
        return counter == null ? 0 : counter.count();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long keys() {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_key", Long.class);
    }

    private long keys(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Long.class, key);
    }

    /** The competitor the command's append now waits for, if it waits for one still holding its version. */
    private Competitor blocking(List<Competitor> competitors) {
        for (Competitor competitor : competitors) {
            if (competitor.release.getCount() > 0 && jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO domain_event_entry%' "
                    + "AND ? = ANY(pg_blocking_pids(pid))", Long.class, competitor.pid) > 0) {
                return competitor;
            }
        }
        return null;
    }

    /**
     * Another writer of the program: in a transaction of its own, it stores the given version (sealed, as the
     * ledger stores every event) and holds it uncommitted until released.
     */
    private final class Competitor {

        final CountDownLatch stored = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Void> done;
        volatile int pid;

        Competitor(long sequence, Executor threads) {
            done = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
                eventStore.publish(new GenericDomainEventMessage<>("Program", "REFUSED", sequence,
                        new CommitmentIncreased(new ProgramId("REFUSED"), new InvestorId("A"),
                                new Money(new BigDecimal("1.00"), new CurrencyCode("USD")), LocalDate.of(2025, 1, 2)),
                        MetaData.with("actor", "competitor")));
                stored.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }), threads);
        }

        void release() {
            release.countDown();
        }
    }
}
