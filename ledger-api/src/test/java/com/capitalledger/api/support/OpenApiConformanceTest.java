package com.capitalledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance check finds each kind of mismatch the OpenAPI document once had with the wire. */
class OpenApiConformanceTest {

    private static final JsonNode DOCUMENT = HttpClientSupport.parse("""
            {"paths": {"/draws": {"post": {"responses": {
               "201": {"headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Draw"}}}},
               "422": {"content": {"application/problem+json": {"schema": {"type": "object",
                       "required": ["code"], "properties": {"code": {"type": "string"}}}}}}}}}},
             "components": {"schemas": {"Draw": {"type": "object", "required": ["amount", "currency", "note"],
               "properties": {"amount": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]{2}$"},
                              "currency": {"type": "string", "pattern": "[A-Z]{3}"},
                              "note": {"type": "string", "nullable": true}}}}}}""");

    private static List<String> check(int status, String contentType, String body, String... headers) {
        return new OpenApiConformance(DOCUMENT).check("POST", "/draws", new Answer(status, contentType, body, headers));
    }

    @Test
    void anAnswerAsDeclaredConforms() {
        assertThat(check(201, "application/json", "{\"amount\": \"1.00\", \"currency\": \"USD\", \"note\": null}",
                "ETag", "\"1\"")).isEmpty();
        assertThat(check(422, "application/problem+json", "{\"code\": \"COMMITMENT_EXCEEDED\"}")).isEmpty();
    }

    @Test
    void eachMismatchIsNamed() {
        assertThat(check(200, "application/json", "{}")).containsExactly(
                "POST /draws -> 200: status not declared (declared: 201, 422)");
        assertThat(check(201, "application/json", "{\"amount\": 1.00, \"currency\": \"USD\", \"note\": null}",
                "ETag", "\"1\"")).containsExactly("POST /draws -> 201 body.amount: number 1.0, declared a string");
        assertThat(check(201, "application/json", "{\"amount\": null, \"currency\": \"USD\"}", "ETag", "\"1\""))
                .containsExactly("POST /draws -> 201 body: required property note missing",
                        "POST /draws -> 201 body.amount: null, not nullable");
        assertThat(check(201, "application/json", "{\"amount\": \"1.00\", \"currency\": \"USD\", \"note\": null}"))
                .containsExactly("POST /draws -> 201: required header ETag missing");
        assertThat(check(201, "application/json", "{\"amount\": \"1.00\", \"currency\": \"USD\", \"note\": null, "
                + "\"extra\": 1}", "ETag", "\"1\"", "X-Next-Cursor", "abc")).containsExactly(
                "POST /draws -> 201: header X-Next-Cursor sent but not declared",
                "POST /draws -> 201 body.extra: property not declared");
        assertThat(check(422, "text/plain", "COMMITMENT_EXCEEDED")).containsExactly(
                "POST /draws -> 422: content type text/plain not declared (declared: application/problem+json)");
        assertThat(check(201, "application/json", "{\"amount\": \"1.5\", \"currency\": \"USD\", \"note\": null}",
                "ETag", "\"1\"")).containsExactly("POST /draws -> 201 body.amount: '1.5' does not match "
                + "^[0-9]+\\.[0-9]{2}$");
    }

    @Test
    void anUnanchoredPatternLetsMoreThroughThanItsServerAccepts() {
        assertThat(check(201, "application/json", "{\"amount\": \"1.00\", \"currency\": \"USDX\", \"note\": null}",
                "ETag", "\"1\"")).isEmpty();
    }

    @Test
    void aOneOfIsCheckedAgainstTheChoiceItsDiscriminatorNamesWithItsPartsAsOneObject() {
        JsonNode document = HttpClientSupport.parse("""
                {"paths": {"/changes": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/Command"}}}}}}}},
                 "components": {"schemas": {
                   "Command": {"oneOf": [{"$ref": "#/components/schemas/Draw"}, {"$ref": "#/components/schemas/Repay"}],
                     "discriminator": {"propertyName": "type", "mapping": {"draw": "#/components/schemas/Draw",
                       "repay": "#/components/schemas/Repay"}}},
                   "Body": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "string"}}},
                   "Draw": {"allOf": [{"$ref": "#/components/schemas/Body"}, {"type": "object", "required": ["type"],
                     "properties": {"type": {"type": "string", "enum": ["draw"]}, "drawId": {"type": "string"}}}]},
                   "Repay": {"allOf": [{"$ref": "#/components/schemas/Body"}, {"type": "object", "required": ["type"],
                     "properties": {"type": {"type": "string", "enum": ["repay"]}}}]}}}}""");
        OpenApiConformance conformance = new OpenApiConformance(document);

        assertThat(conformance.check("GET", "/changes", new Answer(200, "application/json",
                "{\"type\": \"draw\", \"amount\": \"1.00\", \"drawId\": \"D1\"}"))).isEmpty();
        assertThat(conformance.check("GET", "/changes", new Answer(200, "application/json",
                "{\"type\": \"repay\", \"amount\": \"1.00\", \"drawId\": \"D1\"}"))).containsExactly(
                "GET /changes -> 200 body.drawId: property not declared");
        assertThat(conformance.check("GET", "/changes", new Answer(200, "application/json",
                "{\"type\": \"swap\", \"amount\": \"1.00\"}"))).containsExactly(
                "GET /changes -> 200 body: 'swap' is not one of the discriminator's values draw, repay");
    }

    /** An HTTP answer as the JDK client gives it. */
    private record Answer(int statusCode, String contentType, String body, String... extraHeaders)
            implements HttpResponse<String> {

        @Override
        public HttpHeaders headers() {
            Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.put("Content-Type", List.of(contentType));
            for (int i = 0; i < extraHeaders.length; i += 2) {
                map.put(extraHeaders[i], List.of(extraHeaders[i + 1]));
            }
            return HttpHeaders.of(map, (name, value) -> true);
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost/draws")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
