package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command that loses the race for its program is decided again, inside its own savepoint, and its answer is the
 * ordinary 201 JSON answer, stored and replayed as such. The race is made deterministic: another transaction holds
 * the program's next version until the command's append is waiting for it.
 */
class RetriedCommandIT extends IntegrationTest {

    private static final String P = "/api/v1/programs/RETRIED";

    @Autowired
    private DataSource dataSource;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Autowired
    private MeterRegistry meters;

    private void post(String path, String body) {
        HttpResponse<String> response = http().postJson(path, body);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
    }

    @Test
    void aCommandThatLostTheRaceForItsProgramIsDecidedAgainAndAnsweredAsJson() throws Exception {
        post("/api/v1/programs", """
                {"programId":"RETRIED","name":"Retried","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""");
        post(P + "/commitments", """
                {"investorId":"A","investorName":"A","amount":"1000.00","currency":"USD","effectiveDate":"2025-01-01"}""");
        double retriesBefore = meters.counter("ledger.commands.retries").count();
        String increase = """
                {"amount":"5.00","currency":"USD","effectiveDate":"2025-01-02"}""";

        HttpResponse<String> answer;
        try (Connection competitor = dataSource.getConnection()) {
            competitor.setAutoCommit(false);
            // Another writer takes version 2 of the program, and holds it uncommitted.
            appendIncrease(competitor, 2, "7.00");
            CompletableFuture<HttpResponse<String>> command = CompletableFuture.supplyAsync(() -> http()
                    .postJson(P + "/commitments/A/increase", increase, "Idempotency-Key", "retried-increase"));
            await().atMost(Duration.ofSeconds(10)).until(this::anAppendWaitsForALock);
            competitor.commit();
            answer = command.get();
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(answer.headers().firstValue("ETag")).contains("\"3\"");
        assertThat(json(answer).get("version").asLong()).isEqualTo(3);
        assertThat(meters.counter("ledger.commands.retries").count()).isEqualTo(retriesBefore + 1);
        Map<String, Object> stored = jdbc.queryForMap("SELECT status, content_type FROM idempotency_key "
                + "WHERE idempotency_key = 'retried-increase'");
        assertThat(stored).containsEntry("status", 201).containsEntry("content_type", "application/json");

        HttpResponse<String> replay = http().postJson(P + "/commitments/A/increase", increase,
                "Idempotency-Key", "retried-increase");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(replay.headers().firstValue("ETag")).contains("\"3\"");
        assertThat(replay.body()).isEqualTo(answer.body());

        awaitReadModels();
        JsonNode investor = json(http().get(P + "/investors/A?asOf=2025-12-31"));
        assertThat(investor.get("committed").asText()).isEqualTo("1012.00");
    }

    @Test
    void storedAnswersOfRetriedCommandsGetTheirTrueContentType() throws Exception {
        jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, status, content_type, body) "
                + "VALUES ('treasury', 'was-retried', repeat('a', 64), 201, 'application/problem+json', '{}'::bytea), "
                + "('treasury', 'was-refused', repeat('b', 64), 422, 'application/problem+json', '{}'::bytea)");

        jdbc.execute(new ClassPathResource("db/migration/V7__idempotency_content_type.sql")
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(jdbc.queryForObject("SELECT content_type FROM idempotency_key WHERE idempotency_key = 'was-retried'",
                String.class)).isEqualTo("application/json");
        assertThat(jdbc.queryForObject("SELECT content_type FROM idempotency_key WHERE idempotency_key = 'was-refused'",
                String.class)).isEqualTo("application/problem+json");
    }

    private boolean anAppendWaitsForALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE 'INSERT INTO domain_event_entry%'", Long.class) > 0;
    }

    private void appendIncrease(Connection connection, long sequence, String amount) throws Exception {
        SerializedObject<byte[]> payload = events.serialize(new CommitmentIncreased(new ProgramId("RETRIED"),
                new InvestorId("A"), new Money(new BigDecimal(amount), new CurrencyCode("USD")),
                LocalDate.of(2025, 1, 2)), byte[].class);
        SerializedObject<byte[]> metadata = events.serialize(MetaData.from(Map.of("actor", "competitor")), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp) VALUES (?, ?, 'Program', ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, "RETRIED");
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, metadata.getData());
            insert.setBytes(5, payload.getData());
            insert.setString(6, payload.getType().getRevision());
            insert.setString(7, payload.getType().getName());
            insert.setString(8, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
