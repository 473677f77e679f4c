package com.capitalledger.api.web;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The framework's own refusals (401, 403, 404, 405, 406, 415) are problem+json like the ledger's, with a code. */
class ProblemResponsesIT extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.TREASURY.basic())
                .header("Idempotency-Key", "problem-" + System.nanoTime())
                .header("X-Correlation-Id", "problems-1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).startsWith("https://capital-ledger.example/problems/");
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void unauthenticatedAndForbidden() {
        HttpResponse<String> anonymous = anonymous().get("/api/v1/programs/NONE/positions");
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertThat(json(anonymous).get("detail").asText()).isEqualTo("authentication required: HTTP Basic");

        HttpResponse<String> wrongPassword = new HttpClientSupport(
                "http://localhost:" + port, "Basic dHJlYXN1cnk6d3Jvbmc=").get("/api/v1/programs/NONE/positions");
        assertProblem(wrongPassword, 401, "UNAUTHENTICATED");
        assertThat(json(wrongPassword).get("detail").asText()).isEqualTo("the credentials were not accepted");

        HttpResponse<String> forbidden = http(TestUsers.ANALYST).get("/api/v1/audit/entries");
        assertProblem(forbidden, 403, "FORBIDDEN");
        assertThat(json(forbidden).get("detail").asText())
                .isEqualTo("analyst (roles: ANALYST) may not GET this resource; it needs ADMIN or COMPLIANCE");
    }

    @Test
    void notFoundMethodNotAllowedNotAcceptableUnsupportedMediaType() throws Exception {
        assertProblem(send("GET", "/api/v1/programs/NONE/positions", null, null, null), 404, "NO_PROGRAM");
        assertProblem(send("GET", "/api/v1/nowhere", null, null, null), 404, "NOT_FOUND");
        assertProblem(send("DELETE", "/api/v1/programs/NONE", null, null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send("PUT", "/api/v1/programs", null, "application/json", "{}"), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send("GET", "/api/v1/programs/NONE/positions", "application/xml", null, null), 406,
                "NOT_ACCEPTABLE");
        assertProblem(send("POST", "/api/v1/programs", null, "text/plain", "programId=X"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }
}
