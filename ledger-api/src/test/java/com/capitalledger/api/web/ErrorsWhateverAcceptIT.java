package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answers with the same status and code whatever the client accepts: nothing, anything, JSON, problems,
 * or both, as generated clients and HTTP libraries send. A 406 there would tell a client that its request can never
 * succeed, where a 404 or a 412 says why and a 503 says to retry. The outage's 503 is in {@code DatabaseOutageIT}.
 * A success the client does not accept is refused 406, and a command refused so records nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsWhateverAcceptIT extends IntegrationTest {

    /** No Accept header, and the values clients send. */
    private static final List<String> ACCEPTS = Arrays.asList(null, "*/*", "application/json",
            "application/problem+json", "application/json, application/problem+json");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PROGRAM = "ACCEPT";

    private static String program(String id, String currency) {
        return """
                {"programId":"%s","name":"Accept","currency":"%s","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""".formatted(id, currency);
    }

    private static final String PHASE = """
            {"phaseId":"PH-%s","name":"Phase","budget":"1000.00","currency":"USD","effectiveDate":"2025-01-21"}""";
    private static final String SCENARIO = """
            {"name":"kept","programId":"%s","request":{"asOf":["2025-12-31"]}}""".formatted(PROGRAM);

    /** One request of the matrix, sent with the Accept given (none when null). */
    private record Call(String what, TestUsers user, String method, String path, String contentType, String body,
                        boolean keyed, List<String> headers, int status, String code) {

        /** A request without a body. */
        static Call bodiless(String what, TestUsers user, String method, String path, int status, String code) {
            return new Call(what, user, method, path, null, null, false, List.of(), status, code);
        }

        /** A JSON POST with a fresh Idempotency-Key. */
        static Call post(String what, TestUsers user, String path, String body, int status, String code,
                         String... headers) {
            return new Call(what, user, "POST", path, "application/json", body, true, List.of(headers), status, code);
        }
    }

    private final List<Call> calls = List.of(
            Call.post("validation", TestUsers.TREASURY, "/api/v1/programs", program("BAD", "USDX"), 400,
                    "VALIDATION_FAILED"),
            Call.post("malformed body", TestUsers.TREASURY, "/api/v1/programs", "{\"programId\":", 400,
                    "MALFORMED_REQUEST"),
            Call.bodiless("unreadable parameter", TestUsers.ANALYST, "GET",
                    "/api/v1/programs/" + PROGRAM + "/positions?asOf=soon", 400, "INVALID_PARAMETER"),
            new Call("missing Idempotency-Key", TestUsers.TREASURY, "POST", "/api/v1/programs", "application/json",
                    program("KEYLESS", "USD"), false, List.of(), 400, "IDEMPOTENCY_KEY_REQUIRED"),
            Call.post("refusal", TestUsers.TREASURY, "/api/v1/programs", program(PROGRAM, "USD"), 422,
                    "PROGRAM_EXISTS"),
            Call.bodiless("no credentials, query", null, "GET", "/api/v1/programs/" + PROGRAM, 401, "UNAUTHENTICATED"),
            Call.post("no credentials, command", null, "/api/v1/programs", program("ANON", "USD"), 401,
                    "UNAUTHENTICATED"),
            Call.post("role may not post", TestUsers.ANALYST, "/api/v1/programs", program("ANALYST", "USD"), 403,
                    "FORBIDDEN"),
            Call.bodiless("role may not read", TestUsers.ANALYST, "GET", "/api/v1/audit/entries", 403, "FORBIDDEN"),
            Call.bodiless("unknown program", TestUsers.ANALYST, "GET", "/api/v1/programs/NOWHERE", 404, "NO_PROGRAM"),
            Call.bodiless("unknown program's positions", TestUsers.ANALYST, "GET", "/api/v1/programs/NOWHERE/positions",
                    404, "NO_PROGRAM"),
            Call.post("command on an unknown program", TestUsers.TREASURY, "/api/v1/programs/NOWHERE/phases",
                    PHASE.formatted("X"), 404, "NO_PROGRAM"),
            Call.bodiless("unknown path", TestUsers.ANALYST, "GET", "/api/v1/nowhere", 404, "NOT_FOUND"),
            Call.bodiless("method", TestUsers.TREASURY, "DELETE", "/api/v1/programs/" + PROGRAM, 405,
                    "METHOD_NOT_ALLOWED"),
            Call.post("name taken", TestUsers.ANALYST, "/api/v1/scenarios", SCENARIO, 409, "SCENARIO_EXISTS"),
            Call.post("stale If-Match", TestUsers.TREASURY, "/api/v1/programs/" + PROGRAM + "/phases",
                    PHASE.formatted("STALE"), 412, "VERSION_MISMATCH", "If-Match", "\"7\""),
            Call.post("command too large", TestUsers.TREASURY, "/api/v1/programs",
                    "{\"pad\":\"" + "x".repeat(1 << 20) + "\"}", 413, "PAYLOAD_TOO_LARGE"),
            Call.post("what-if too large", TestUsers.ANALYST, "/api/v1/programs/" + PROGRAM + "/what-if",
                    "{\"pad\":\"" + "x".repeat(1 << 20) + "\"}", 413, "PAYLOAD_TOO_LARGE"),
            new Call("content type", TestUsers.TREASURY, "POST", "/api/v1/programs", "text/plain",
                    program("TEXT", "USD"), true, List.of(), 415, "UNSUPPORTED_MEDIA_TYPE"));

    private HttpResponse<String> send(Call call, String accept) {
        List<String> headers = new ArrayList<>(call.headers());
        if (call.keyed()) {
            headers.addAll(List.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        return send(call.user(), call.method(), call.path(), call.contentType(), call.body(), accept, headers);
    }

    private HttpResponse<String> send(TestUsers user, String method, String path, String contentType, String body,
                                      String accept, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", user.basic());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void aProgramAndAScenario() {
        assertThat(http().postJson("/api/v1/programs", program(PROGRAM, "USD")).statusCode()).isEqualTo(201);
        assertThat(http(TestUsers.ANALYST).postJson("/api/v1/scenarios", SCENARIO).statusCode()).isEqualTo(201);
        awaitReadModels();
    }

    @Test
    void everyErrorAnswersTheSameStatusAndCodeWhateverTheClientAccepts() {
        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls) {
            for (String accept : ACCEPTS) {
                HttpResponse<String> response = send(call, accept);
                String what = call.what() + " (" + call.method() + " " + call.path().substring(0,
                        Math.min(60, call.path().length())) + ") accepting " + (accept == null ? "anything" : accept);
                softly.assertThat(response.statusCode()).as(what + ": " + abbreviated(response.body()))
                        .isEqualTo(call.status());
                softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                if (response.body().startsWith("{")) {
                    softly.assertThat(json(response).path("code").asText()).as(what).isEqualTo(call.code());
                    softly.assertThat(json(response).path("status").asInt()).as(what).isEqualTo(call.status());
                    softly.assertThat(json(response).path("correlationId").asText()).as(what).isNotEmpty();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aQuerySucceedingForAClientThatAcceptsOnlyProblemsIsRefused406() {
        HttpResponse<String> json = send(TestUsers.ANALYST, "GET", "/api/v1/programs/" + PROGRAM, null, null,
                "application/json", List.of());
        HttpResponse<String> problemsOnly = send(TestUsers.ANALYST, "GET", "/api/v1/programs/" + PROGRAM, null, null,
                "application/problem+json", List.of());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(problemsOnly.statusCode()).as(problemsOnly.body()).isEqualTo(406);
        assertThat(problemsOnly.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(problemsOnly).get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void aCommandRefused406RecordsNothingAndItsKeyStaysFree() {
        String body = program("UNHEARD", "USD");
        List<String> key = List.of("Idempotency-Key", "accept-unheard");

        HttpResponse<String> problemsOnly = send(TestUsers.TREASURY, "POST", "/api/v1/programs", "application/json",
                body, "application/problem+json", key);
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "UNHEARD");
        HttpResponse<String> json = send(TestUsers.TREASURY, "POST", "/api/v1/programs", "application/json", body,
                "application/json", key);

        assertThat(problemsOnly.statusCode()).as(problemsOnly.body()).isEqualTo(406);
        assertThat(json(problemsOnly).get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(problemsOnly.headers().firstValue("ETag")).isEmpty();
        assertThat(problemsOnly.headers().firstValue("Location")).isEmpty();
        assertThat(stored).isZero();
        assertThat(json.statusCode()).as(json.body()).isEqualTo(201);
        assertThat(json.headers().firstValue("Idempotency-Replayed")).isEmpty();
    }

    @Test
    void aClientThatAcceptsNeitherTheAnswerNorAProblemIsRefused406AtOnce() {
        HttpResponse<String> xml = send(TestUsers.ANALYST, "GET", "/api/v1/programs/NOWHERE", null, null,
                "application/xml", List.of());

        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(json(xml).get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
