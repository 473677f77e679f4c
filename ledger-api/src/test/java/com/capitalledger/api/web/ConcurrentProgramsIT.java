package com.capitalledger.api.web;

import com.capitalledger.api.config.RecentEventIndexes;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on different programs commit concurrently, so events become visible out of global-index order (an event
 * can commit after a later-numbered one). The read models must still record each event under its own index: after
 * the burst, a fresh fold of the event store and the stored read models agree row for row.
 */
class ConcurrentProgramsIT extends IntegrationTest {

    private static final int PROGRAMS = 8;
    private static final int COMMANDS = 40;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private RecentEventIndexes recentIndexes;

    @Test
    void anEventCommittedAfterALaterNumberedOneIsRecordedUnderItsOwnIndex() throws Exception {
        for (String program : List.of("GAP-EARLY", "GAP-LATE")) {
            assertThat(http().postJson("/api/v1/programs", """
                    {"programId":"%s","name":"Gap","currency":"USD","targetAmount":"1000000000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-01"}""".formatted(program)).statusCode()).isEqualTo(201);
        }
        awaitReadModels();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The early program's event takes its index first, but its transaction stays open...
        CompletableFuture<Void> early = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    commands.sendAndWait(phase("GAP-EARLY"));
                    appended.countDown();
                    try {
                        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        // ...while the late program's event, numbered after it, commits and is handled by every read model.
        commands.sendAndWait(phase("GAP-LATE"));
        awaitReadModels();
        release.countDown();
        early.get(30, TimeUnit.SECONDS);
        // The processors' positions are already past the early event (it was a gap); wait for it to be handled.
        awaitRows("SELECT count(*) FROM phase_movement WHERE program_id = 'GAP-EARLY'");
        awaitRows("SELECT count(*) FROM audit_entry WHERE program_id = 'GAP-EARLY' AND type = 'PhaseCreated'");

        Map<String, Object> earlyEvent = jdbc.queryForMap("SELECT global_index, event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'GAP-EARLY' AND sequence_number = 1");
        long lateIndex = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'GAP-LATE' AND sequence_number = 1", Long.class);
        assertThat((Long) earlyEvent.get("global_index")).as("the early event is numbered first").isLessThan(lateIndex);
        assertThat(jdbc.queryForObject("SELECT position FROM audit_entry WHERE entry_id = ?", Long.class,
                earlyEvent.get("event_identifier"))).isEqualTo(earlyEvent.get("global_index"));
        assertThat(jdbc.queryForObject("SELECT global_index FROM phase_movement WHERE program_id = 'GAP-EARLY'",
                Long.class)).isEqualTo(earlyEvent.get("global_index"));
        JsonNode report = json(http(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", ""));
        assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
    }

    private void awaitRows(String count) {
        Awaitility.await(count).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(count, Long.class), rows -> rows == 1);
    }

    private static CreatePhase phase(String program) {
        return new CreatePhase(new ProgramId(program), new PhaseId("PH1"), "Phase", new BigDecimal("1000.00"), "USD",
                LocalDate.of(2025, 1, 1));
    }

    @Test
    void eventsCommittedOutOfOrderAreRecordedUnderTheirOwnIndex() {
        for (int p = 0; p < PROGRAMS; p++) {
            assertThat(http().postJson("/api/v1/programs", """
                    {"programId":"BURST-%d","name":"Burst","currency":"USD","targetAmount":"1000000000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-01"}""".formatted(p)).statusCode()).isEqualTo(201);
            assertThat(http().postJson("/api/v1/programs/BURST-" + p + "/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                     "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        }
        List<CompletableFuture<List<Integer>>> clients = new ArrayList<>();
        for (int p = 0; p < PROGRAMS; p++) {
            String path = "/api/v1/programs/BURST-" + p + "/commitments/A/increase";
            clients.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    statuses.add(http().postJson(path,
                            "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}").statusCode());
                }
                return statuses;
            }));
        }
        clients.forEach(client -> assertThat(client.join()).containsOnly(201));
        awaitReadModels();

        HttpResponse<String> check = http(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", "");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        JsonNode report = json(check);
        assertThat(report.get("differences")).as(check.body()).isEmpty();
        assertThat(report.get("differenceCount").asLong()).isZero();
        for (int p = 0; p < PROGRAMS; p++) {
            JsonNode investor = json(http().get("/api/v1/programs/BURST-" + p + "/investors/A"));
            assertThat(investor.get("committed").asText()).isEqualTo("1040.00");
        }
        // The processors took each burst event's index from what their reader noted as it read the row, not from a
        // query of the event table: every one of them is noted, under its own index.
        Map<String, Long> stored = new java.util.HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE aggregate_identifier LIKE "
                + "'BURST-%' AND sequence_number > 1", row -> {
            stored.put(row.getString(1), row.getLong(2));
        });
        assertThat(stored).hasSize(PROGRAMS * COMMANDS);
        assertThat(recentIndexes.of(stored.keySet())).isEqualTo(stored);
    }
}
