package com.capitalledger.api.positions;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.UUID;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes on one node: a command's Ledger-Position (also on its refusal and its replay), a query that waits
 * for it, and what a query gets for a position that is malformed, that no event has, or that its read model has not
 * applied in time. Across nodes: {@code TwoNodesIT}.
 */
class ReadYourWritesIT extends IntegrationTest {

    private static final String INCREASE = "{\"amount\":\"5.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-22\"}";

    @Autowired
    private EventProcessingConfiguration processing;

    private long position(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Ledger-Position").orElseThrow(
                () -> new AssertionError("no Ledger-Position on " + response.statusCode() + " " + response.body())));
    }

    private void program(String id) {
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"%s","name":"Read your writes","currency":"USD","targetAmount":"100000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21"}""".formatted(id)).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/programs/" + id + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                 "effectiveDate":"2025-01-22"}""").statusCode()).isEqualTo(201);
    }

    @Test
    void everyCommandAnswerCarriesItsPositionAndAReplayTheSame() {
        program("RYW-1");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http().postJson("/api/v1/programs/RYW-1/commitments/A/increase", INCREASE,
                "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        long stored = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE "
                + "aggregate_identifier = 'RYW-1'", Long.class);
        assertThat(position(first)).isEqualTo(stored);

        HttpResponse<String> replay = http().postJson("/api/v1/programs/RYW-1/commitments/A/increase", INCREASE,
                "Idempotency-Key", key);
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(position(replay)).isEqualTo(position(first));

        // A refusal is an event of the journal too: its position lets the audit trail be read with it.
        HttpResponse<String> refused = http().postJson("/api/v1/programs/RYW-1/commitments/NOBODY/increase",
                INCREASE);
        assertThat(refused.statusCode()).isEqualTo(422);
        long refusal = position(refused);
        assertThat(refusal).isGreaterThan(position(first));
        HttpResponse<String> trail = http(TestUsers.COMPLIANCE).get(
                "/api/v1/audit/entries?programId=RYW-1&outcome=REJECTED&minPosition=" + refusal);
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        assertThat(json(trail).get("entries")).hasSize(1);
        assertThat(json(trail).get("entries").get(0).get("code").asText()).isEqualTo("UNKNOWN_INVESTOR");
    }

    @Test
    void aProgramIsReadAtOnceAtThePositionOfTheCommandThatCreatedIt() {
        for (int i = 1; i <= 15; i++) {
            String id = "RYW-NEW-" + i;
            HttpResponse<String> created = http().postJson("/api/v1/programs", """
                    {"programId":"%s","name":"Read at once","currency":"USD","targetAmount":"1000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-21"}""".formatted(id));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            HttpResponse<String> read = http(TestUsers.ANALYST).get("/api/v1/programs/" + id + "?minPosition="
                    + position(created));

            assertThat(read.statusCode()).as(id + ": " + read.body()).isEqualTo(200);
            assertThat(json(read).get("programId").asText()).isEqualTo(id);
            assertThat(json(read).get("targetAmount").asText()).isEqualTo("1000.00");
        }
    }

    @Test
    void aProgramIsNotReadBeforeThePositionAsked() {
        StreamingEventProcessor programs = processing.eventProcessor("programs", StreamingEventProcessor.class)
                .orElseThrow();
        programs.shutDown();
        long position;
        try {
            HttpResponse<String> created = http().postJson("/api/v1/programs", """
                    {"programId":"RYW-HELD","name":"Held","currency":"USD","targetAmount":"1000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-21"}""");
            position = position(created);

            HttpResponse<String> behind = http(TestUsers.ANALYST).get("/api/v1/programs/RYW-HELD",
                    "Ledger-Min-Position", Long.toString(position));

            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(json(behind).get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
            assertThat(behind.headers().firstValue("Retry-After")).contains("1");
        } finally {
            programs.start();
        }
        HttpResponse<String> read = http(TestUsers.ANALYST).get("/api/v1/programs/RYW-HELD?minPosition=" + position);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("name").asText()).isEqualTo("Held");
    }

    @Test
    void aPositionThatIsMalformedOrThatNoEventHasIsRefusedAtOnce() {
        program("RYW-3");
        HttpClientSupport analyst = http(TestUsers.ANALYST);
        for (String malformed : new String[]{"-1", "x", "1.5", "9999999999999999999"}) {
            HttpResponse<String> read = analyst.get("/api/v1/programs/RYW-3/positions?minPosition=" + malformed);
            assertThat(read.statusCode()).as(malformed).isEqualTo(400);
            assertThat(json(read).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(json(read).get("detail").asText()).startsWith("minPosition must be a ledger position");
        }
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        HttpResponse<String> beyond = analyst.get("/api/v1/programs/RYW-3/positions", "Ledger-Min-Position",
                Long.toString(head + 1_000_000));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(json(beyond).get("detail").asText()).contains("beyond the ledger's last event");

        HttpResponse<String> disagree = analyst.get("/api/v1/programs/RYW-3/positions?minPosition=1",
                "Ledger-Min-Position", "2");
        assertThat(disagree.statusCode()).isEqualTo(400);
        assertThat(json(disagree).get("detail").asText()).contains("ask for different positions");
    }

    @Test
    void aReadModelThatHasNotAppliedThePositionInTimeAnswers503AndThenTheFigure() {
        program("RYW-2");
        StreamingEventProcessor investors = processing.eventProcessor("investor-positions",
                StreamingEventProcessor.class).orElseThrow();
        investors.shutDown();
        long position;
        try {
            HttpResponse<String> command = http().postJson("/api/v1/programs/RYW-2/commitments/A/increase", INCREASE);
            assertThat(command.statusCode()).isEqualTo(201);
            position = position(command);

            HttpResponse<String> behind = http(TestUsers.ANALYST).get(
                    "/api/v1/programs/RYW-2/investors/A?minPosition=" + position);
            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(json(behind).get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
            assertThat(behind.headers().firstValue("Retry-After")).contains("1");
        } finally {
            investors.start();
        }
        HttpResponse<String> read = http(TestUsers.ANALYST).get(
                "/api/v1/programs/RYW-2/investors/A?minPosition=" + position);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("committed").asText()).isEqualTo("1005.00");
    }
}
