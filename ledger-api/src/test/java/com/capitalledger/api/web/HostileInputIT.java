package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests: every one gets a 4xx problem+json with a code, never a 5xx, and the event store
 * is unchanged by it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends IntegrationTest {

    private static final String PROGRAM = """
            {"programId":"HOSTILE","name":"Hostile","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
             "effectiveDate":"2025-01-01"}""";
    private static final String DRAW = """
            {"drawId":"D1","amount":"10.00","currency":"USD","effectiveDate":"2025-01-02"}""";
    private static final String COMMIT = """
            {"investorId":"A","investorName":"A","amount":"100.00","currency":"USD","effectiveDate":"2025-01-01"}""";
    private static final String FIXING = """
            {"ratePct":"4.30000","effectiveDate":"2025-01-01"}""";

    @BeforeAll
    void aProgramToAttack() {
        assertThat(http().postJson("/api/v1/programs", PROGRAM).statusCode()).isEqualTo(201);
    }

    record Case(String name, String path, String body, String contentType) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String replace(String json, String field, String rawValue) {
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
                Matcher.quoteReplacement("\"" + field + "\":" + rawValue));
    }

    private static String without(String json, String field) {
        return json.replaceFirst(",?\\s*\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "").replace("{,", "{");
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        String programs = "/api/v1/programs";
        String draws = "/api/v1/programs/HOSTILE/tranches/T1/draws";
        String commits = "/api/v1/programs/HOSTILE/commitments";
        String fixings = "/api/v1/base-rates/SOFR/fixings";
        String json = "application/json";
        for (String[] target : new String[][]{{programs, PROGRAM, "targetAmount"}, {draws, DRAW, "amount"},
                {commits, COMMIT, "amount"}}) {
            String path = target[0];
            String body = target[1];
            String amount = target[2];
            for (String bad : List.of("\"-1.00\"", "\"0.001\"", "\"1.001\"", "\"1\"", "\"1.0\"", "\"1e3\"",
                    "\"1234567890123456789012345678901234567890.00\"", "\"NaN\"", "\"Infinity\"", "\" 1.00\"", "\"1,000.00\"",
                    "\"0x10.00\"", "\"\"", "1.00", "true", "null", "[]", "{}", "\"1.00; DROP TABLE domain_event_entry\"")) {
                cases.add(new Case(path + " " + amount + "=" + bad, path, replace(body, amount, bad), json));
            }
            for (String bad : List.of("\"usd\"", "\"US\"", "\"USDX\"", "\"XXX'--\"", "1", "null")) {
                cases.add(new Case(path + " currency=" + bad, path, replace(body, "currency", bad), json));
            }
            for (String bad : List.of("\"2025-13-01\"", "\"2025-02-30\"", "\"01/02/2025\"", "\"\"", "20250101", "null",
                    "\"2025-01-01T00:00:00Z\"")) {
                cases.add(new Case(path + " effectiveDate=" + bad, path, replace(body, "effectiveDate", bad), json));
            }
            cases.add(new Case(path + " unknown field", path, body.replace("{", "{\"admin\":true,"), json));
            cases.add(new Case(path + " missing " + amount, path, without(body, amount), json));
            cases.add(new Case(path + " missing effectiveDate", path, without(body, "effectiveDate"), json));
            cases.add(new Case(path + " empty object", path, "{}", json));
            cases.add(new Case(path + " array", path, "[]", json));
            cases.add(new Case(path + " not JSON", path, "programId=X&amount=1", json));
            cases.add(new Case(path + " truncated JSON", path, body.substring(0, body.length() / 2), json));
            cases.add(new Case(path + " empty body", path, "", json));
            cases.add(new Case(path + " form content type", path, body, "application/x-www-form-urlencoded"));
            cases.add(new Case(path + " text content type", path, body, "text/plain"));
            cases.add(new Case(path + " XML", path, "<program><id>X</id></program>", "application/xml"));
            cases.add(new Case(path + " duplicate keys", path, body.replace("{", "{\"currency\":\"EUR\","), json));
        }
        for (String bad : List.of("\"\"", "\"A B\"", "\"<script>alert(1)</script>\"", "\"' OR '1'='1\"",
                "\"" + "X".repeat(65) + "\"", "\"-leading-dash\"", "\"../../etc/passwd\"", "\"P\\u0000\"", "42")) {
            cases.add(new Case("programId=" + bad, programs, replace(PROGRAM, "programId", bad), json));
        }
        for (String bad : List.of("\"" + "N".repeat(201) + "\"", "\"\"", "\"   \"", "null")) {
            cases.add(new Case("name=" + bad.length(), programs, replace(PROGRAM, "name", bad), json));
        }
        for (String bad : List.of("\"100.00001\"", "\"-5\"", "\"1000\"", "\"90%\"", "\"abc\"")) {
            cases.add(new Case("maxDebtPct=" + bad, programs, replace(PROGRAM, "maxDebtPct", bad), json));
        }
        for (String bad : List.of("\"4.300001\"", "\"100\"", "\"-100\"", "\"4,3\"", "\"\"", "4.3")) {
            cases.add(new Case("ratePct=" + bad, fixings, replace(FIXING, "ratePct", bad), json));
        }
        cases.add(new Case("reason too long", programs, PROGRAM.replace("}", ",\"reason\":\"" + "r".repeat(501) + "\"}"), json));
        cases.add(new Case("path id with spaces", "/api/v1/programs/HO%20STILE/tranches/T1/draws", DRAW, json));
        cases.add(new Case("path id overlong", "/api/v1/programs/" + "P".repeat(80) + "/tranches/T1/draws", DRAW, json));
        cases.add(new Case("path id injection", "/api/v1/programs/HOSTILE'%3B--/commitments", COMMIT, json));
        cases.add(new Case("unknown rate name shape", "/api/v1/base-rates/%3Cscript%3E/fixings", FIXING, json));
        cases.add(new Case("unknown route", "/api/v1/nowhere", PROGRAM, json));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAProblemWithACodeAndChangesNothing(Case hostile) {
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        HttpResponse<String> response = http().postRaw(hostile.path(), hostile.body(), "Content-Type",
                hostile.contentType(), "Idempotency-Key", java.util.UUID.randomUUID().toString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("java.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastAHundredCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }
}
