package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries with an Idempotency-Key are exactly-once, even when they race. */
class IdempotencyIT extends IntegrationTest {

    private static String program(String id) {
        return """
                {"programId":"%s","name":"Idempotent","currency":"USD","targetAmount":"1000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""".formatted(id);
    }

    private long events(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregate);
    }

    @Test
    void aPostWithoutAKeyIsRefusedAndChangesNothing() {
        HttpResponse<String> response = http().postRaw("/api/v1/programs", program("IDEM-NOKEY"),
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(events("IDEM-NOKEY")).isZero();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponse() {
        HttpResponse<String> first = http().postJson("/api/v1/programs", program("IDEM-RETRY"), "Idempotency-Key", "k-1");
        HttpResponse<String> retry = http().postJson("/api/v1/programs", program("IDEM-RETRY"), "Idempotency-Key", "k-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(events("IDEM-RETRY")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class, "IDEM-RETRY")).asString().contains("\"idempotencyKey\":\"k-1\"");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        http().postJson("/api/v1/programs", program("IDEM-A"), "Idempotency-Key", "k-2");
        HttpResponse<String> other = http().postJson("/api/v1/programs", program("IDEM-B"), "Idempotency-Key", "k-2");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events("IDEM-B")).isZero();
    }

    @Test
    void keysBelongToTheirPrincipal() {
        HttpResponse<String> mine = http().postJson("/api/v1/programs", program("IDEM-MINE"), "Idempotency-Key", "k-shared");
        HttpResponse<String> theirs = http(TestUsers.TREASURY_2).postJson("/api/v1/programs", program("IDEM-THEIRS"),
                "Idempotency-Key", "k-shared");

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).as("another system's key never replays or blocks mine").isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(jdbc.queryForList("SELECT principal FROM idempotency_key WHERE idempotency_key = 'k-shared'",
                String.class)).containsExactlyInAnyOrder("treasury", "treasury-2");
    }

    @Test
    void aRefusalIsReplayedToo() {
        http().postJson("/api/v1/programs", program("IDEM-EXISTS"));
        HttpResponse<String> refused = http().postJson("/api/v1/programs", program("IDEM-EXISTS"), "Idempotency-Key", "k-3");
        HttpResponse<String> again = http().postJson("/api/v1/programs", program("IDEM-EXISTS"), "Idempotency-Key", "k-3");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(refused.body());
    }

    @Test
    void fiftyConcurrentIdenticalRequestsWithOneKeyProduceOneEventAndIdenticalResponses() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> http().postJson("/api/v1/programs",
                        program("IDEM-RACE"), "Idempotency-Key", "k-race"), clients));
            }
            List<HttpResponse<String>> done = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                done.add(response.get());
            }

            assertThat(events("IDEM-RACE")).isEqualTo(1);
            assertThat(done).extracting(HttpResponse::statusCode).containsOnly(201);
            assertThat(done).extracting(HttpResponse::body).containsOnly(done.get(0).body());
            assertThat(done).filteredOn(r -> r.headers().firstValue("Idempotency-Replayed").isEmpty()).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
    }
}
