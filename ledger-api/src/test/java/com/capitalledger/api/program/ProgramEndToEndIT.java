package com.capitalledger.api.program;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP → command → event store → projection → HTTP, on a real PostgreSQL. */
class ProgramEndToEndIT extends IntegrationTest {

    private static String createBody(String programId) {
        return """
                {"programId":"%s","name":"Stargate","currency":"USD","targetAmount":"500000000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21","reason":"program launch"}
                """.formatted(programId);
    }

    private long eventsOf(String programId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, programId);
    }

    @Test
    void aProgramCreatedOverHttpIsStoredAsAnEventAndReadBackFromItsProjection() {
        HttpResponse<String> created = http().postJson("/api/v1/programs", createBody("STARGATE-E2E"),
                "X-Correlation-Id", "req-e2e-1");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/programs/STARGATE-E2E");
        assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue("req-e2e-1");
        assertThat(json(created).get("aggregateId").asText()).isEqualTo("STARGATE-E2E");
        assertThat(json(created).get("version").asLong()).isZero();

        Map<String, Object> event = jdbc.queryForMap("""
                SELECT global_index, sequence_number, type, payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ?""", "STARGATE-E2E");
        assertThat(event.get("sequence_number")).isEqualTo(0L);
        assertThat(event.get("type")).isEqualTo("Program");
        assertThat(event.get("payload_type")).isEqualTo("com.capitalledger.core.program.api.ProgramCreated");
        assertThat(event.get("payload_revision")).isEqualTo("1");
        String payload = new String((byte[]) event.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"amount\":500000000000.00").contains("\"effectiveDate\":\"2025-01-21\"");
        String metadata = new String((byte[]) event.get("meta_data"), StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"correlationId\":\"req-e2e-1\"").contains("\"reason\":\"program launch\"")
                .contains("\"actor\":\"treasury\"").contains("\"causationId\"");

        HttpResponse<String> read = http().await("/api/v1/programs/STARGATE-E2E", r -> r.statusCode() == 200,
                Duration.ofSeconds(15));
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode program = json(read);
        assertThat(program.get("programId").asText()).isEqualTo("STARGATE-E2E");
        assertThat(program.get("name").asText()).isEqualTo("Stargate");
        assertThat(program.get("currency").asText()).isEqualTo("USD");
        assertThat(program.get("targetAmount").asText()).isEqualTo("500000000000.00");
        assertThat(program.get("maxDebtPct").asText()).isEqualTo("90.0000");
        assertThat(program.get("effectiveDate").asText()).isEqualTo("2025-01-21");
        assertThat(program.get("recordedAt").asText()).endsWith("Z");
    }

    @Test
    void creatingTheSameProgramTwiceIsRejectedWithProgramExistsAndStoresNothing() {
        assertThat(http().postJson("/api/v1/programs", createBody("STARGATE-TWICE")).statusCode()).isEqualTo(201);

        HttpResponse<String> again = http().postJson("/api/v1/programs", createBody("STARGATE-TWICE"));

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(again);
        assertThat(problem.get("code").asText()).isEqualTo("PROGRAM_EXISTS");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asText()).isEqualTo("program STARGATE-TWICE already exists");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/programs");
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.has("title")).isTrue();
        assertThat(eventsOf("STARGATE-TWICE")).isEqualTo(1);
    }

    @Test
    void aMalformedAmountIsA400WithFieldErrorsAndStoresNothing() {
        String body = createBody("STARGATE-BAD").replace("500000000000.00", "500000000000.001");

        HttpResponse<String> response = http().postJson("/api/v1/programs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("targetAmount");
        assertThat(eventsOf("STARGATE-BAD")).isZero();
    }

    @Test
    void anUnknownFieldIsA400AndStoresNothing() {
        String body = createBody("STARGATE-EXTRA").replace("\"reason\"", "\"owner\":\"me\",\"reason\"");

        HttpResponse<String> response = http().postJson("/api/v1/programs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(eventsOf("STARGATE-EXTRA")).isZero();
    }

    @Test
    void anUnknownProgramIsA404WithNoProgram() {
        HttpResponse<String> response = http().get("/api/v1/programs/NOPE");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("NO_PROGRAM");
    }

    @Test
    void aCapitalCallWithNothingUnfundedIsRefusedAuditedAndItsAnswerKeptForRetries() {
        assertThat(http().postJson("/api/v1/programs", createBody("NOTHING-UNFUNDED")).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/v1/programs/NOTHING-UNFUNDED/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"1000.00","currency":"USD","effectiveDate":"2025-01-21"}""")
                .statusCode()).isEqualTo(201);
        String call = """
                {"callId":"C1","phaseId":"PH1","amount":"1.00","currency":"USD","purpose":"no investor yet",
                 "effectiveDate":"2025-01-21"}""";

        HttpResponse<String> refused = http().postJson("/api/v1/programs/NOTHING-UNFUNDED/capital-calls", call,
                "Idempotency-Key", "call-nothing-unfunded", "X-Correlation-Id", "nothing-unfunded");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("code").asText()).isEqualTo("INSUFFICIENT_UNFUNDED");
        assertThat(json(refused).get("detail").asText()).isEqualTo("capital call C1 of 1.00 USD exceeds the eligible "
                + "unfunded commitment 0.00 USD of []");
        HttpResponse<String> retried = http().postJson("/api/v1/programs/NOTHING-UNFUNDED/capital-calls", call,
                "Idempotency-Key", "call-nothing-unfunded");
        assertThat(retried.statusCode()).isEqualTo(422);
        assertThat(retried.headers().firstValue("Idempotency-Replayed")).contains("true");
        awaitReadModels();
        JsonNode audit = json(http(TestUsers.COMPLIANCE).get(
                "/api/v1/audit/entries?programId=NOTHING-UNFUNDED&outcome=REJECTED"));
        assertThat(audit.get("entries")).singleElement().satisfies(entry -> {
            assertThat(entry.get("code").asText()).isEqualTo("INSUFFICIENT_UNFUNDED");
            assertThat(entry.get("correlationId").asText()).isEqualTo("nothing-unfunded");
            assertThat(entry.get("idempotencyKey").asText()).isEqualTo("call-nothing-unfunded");
        });
    }
}
