package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries with an Idempotency-Key are exactly-once, even when they race, and a retry is the same request when its body
 * means the same (key order, white space and explicit nulls aside).
 */
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
    void aRetryThatMeansTheSameIsReplayedWhateverItsKeyOrderWhiteSpaceAndNulls() {
        HttpResponse<String> first = http().postJson("/api/v1/programs", program("IDEM-MEANING"),
                "Idempotency-Key", "k-meaning");
        // What another JSON library, or another process, might send for the same command.
        String reordered = """
                {
                  "effectiveDate" : "2025-01-01",
                  "maxDebtPct" : "90",   "reason" : null,
                  "targetAmount" : "1000.00", "currency" : "USD", "name" : "Idempotent",
                  "programId" : "IDEM-MEANING"
                }""";
        HttpResponse<String> retry = http().postJson("/api/v1/programs", reordered, "Idempotency-Key", "k-meaning");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        for (String header : List.of("Content-Type", "ETag", "Location", "Ledger-Position")) {
            assertThat(retry.headers().firstValue(header)).as(header).isEqualTo(first.headers().firstValue(header))
                    .isPresent();
        }
        assertThat(events("IDEM-MEANING")).isEqualTo(1);
    }

    @Test
    void aChangedAmountUnderTheSameKeyIsStillRefused() {
        http().postJson("/api/v1/programs", program("IDEM-AMOUNT"), "Idempotency-Key", "k-amount");
        HttpResponse<String> changed = http().postJson("/api/v1/programs",
                program("IDEM-AMOUNT").replace("\"1000.00\"", "\"1000.01\""), "Idempotency-Key", "k-amount");

        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(json(changed).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(changed.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(events("IDEM-AMOUNT")).isEqualTo(1);
    }

    @Test
    void aKeyStoredWhenBodiesWereComparedAsBytesStillReplaysTheSameBytes() throws Exception {
        // A key kept before retries were compared by meaning: the hash of the body's bytes, as they were sent.
        String sent = "{ \"programId\": \"IDEM-OLD\", \"name\": \"Old\" }";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("POST /api/v1/programs\n".getBytes(StandardCharsets.UTF_8));
        sha256.update(sent.getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, status, content_type, "
                + "location, etag, body) VALUES ('treasury', 'k-old', ?, 201, 'application/json', "
                + "'/api/v1/programs/IDEM-OLD', '\"0\"', ?)", HexFormat.of().formatHex(sha256.digest()),
                "{\"aggregateId\":\"IDEM-OLD\",\"version\":0}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> same = http().postJson("/api/v1/programs", sent, "Idempotency-Key", "k-old");
        HttpResponse<String> other = http().postJson("/api/v1/programs",
                "{\"programId\":\"IDEM-OLD\",\"name\":\"New\"}", "Idempotency-Key", "k-old");

        assertThat(same.statusCode()).isEqualTo(201);
        assertThat(same.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(same.body()).isEqualTo("{\"aggregateId\":\"IDEM-OLD\",\"version\":0}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
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
