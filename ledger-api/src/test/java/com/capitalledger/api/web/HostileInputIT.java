package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests: each gets its exact status and code as problem+json, naming the field at fault, never
 * a trace of the code behind it, and the event store is unchanged by it.
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

    /** A hostile request and the exact answer it must get: status, code and, where one field is at fault, that field. */
    record Case(String name, String path, String body, String contentType, int status, String code, String field) {

        static Case of(String name, String path, String body, int status, String code, String field) {
            return new Case(name, path, body, "application/json", status, code, field);
        }

        /** Well-formed JSON whose field breaks the request's rules. */
        static Case invalid(String name, String path, String body, String field) {
            return of(name, path, body, 400, "VALIDATION_FAILED", field);
        }

        /** A body that cannot be read as the request's JSON object at all, or a field of the wrong JSON type. */
        static Case malformed(String name, String path, String body, String field) {
            return of(name, path, body, 400, "MALFORMED_REQUEST", field);
        }

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
        for (String[] target : new String[][]{{programs, PROGRAM, "targetAmount"}, {draws, DRAW, "amount"},
                {commits, COMMIT, "amount"}}) {
            String path = target[0];
            String body = target[1];
            String amount = target[2];
            for (String bad : List.of("\"-1.00\"", "\"0.001\"", "\"1.001\"", "\"1\"", "\"1.0\"", "\"1e3\"",
                    "\"1234567890123456789012345678901234567890.00\"", "\"NaN\"", "\"Infinity\"", "\" 1.00\"", "\"1,000.00\"",
                    "\"0x10.00\"", "\"\"", "null", "\"1.00; DROP TABLE domain_event_entry\"")) {
                cases.add(Case.invalid(path + " " + amount + "=" + bad, path, replace(body, amount, bad), amount));
            }
            // Amounts are JSON strings: a number, boolean, array or object is the wrong JSON type.
            for (String bad : List.of("1.00", "true", "[]", "{}")) {
                cases.add(Case.malformed(path + " " + amount + "=" + bad, path, replace(body, amount, bad), amount));
            }
            for (String bad : List.of("\"usd\"", "\"US\"", "\"USDX\"", "\"XXX'--\"", "null")) {
                cases.add(Case.invalid(path + " currency=" + bad, path, replace(body, "currency", bad), "currency"));
            }
            cases.add(Case.malformed(path + " currency=1", path, replace(body, "currency", "1"), "currency"));
            for (String bad : List.of("\"2025-13-01\"", "\"2025-02-30\"", "\"01/02/2025\"", "\"\"", "20250101",
                    "\"2025-01-01T00:00:00Z\"")) {
                cases.add(Case.malformed(path + " effectiveDate=" + bad, path, replace(body, "effectiveDate", bad),
                        "effectiveDate"));
            }
            cases.add(Case.invalid(path + " effectiveDate=null", path, replace(body, "effectiveDate", "null"),
                    "effectiveDate"));
            cases.add(Case.malformed(path + " unknown field", path, body.replace("{", "{\"admin\":true,"), "admin"));
            cases.add(Case.invalid(path + " missing " + amount, path, without(body, amount), amount));
            cases.add(Case.invalid(path + " missing effectiveDate", path, without(body, "effectiveDate"), "effectiveDate"));
            cases.add(Case.invalid(path + " empty object", path, "{}", "effectiveDate"));
            cases.add(Case.malformed(path + " array", path, "[]", null));
            cases.add(Case.malformed(path + " not JSON", path, "programId=X&amount=1", null));
            cases.add(Case.malformed(path + " truncated JSON", path, body.substring(0, body.length() / 2), null));
            cases.add(Case.malformed(path + " empty body", path, "", null));
            cases.add(Case.malformed(path + " duplicate keys", path, body.replace("{", "{\"currency\":\"EUR\","), null));
            for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
                cases.add(new Case(path + " " + type, path, body, type, 415, "UNSUPPORTED_MEDIA_TYPE", null));
            }
        }
        for (String bad : List.of("\"\"", "\"A B\"", "\"<script>alert(1)</script>\"", "\"' OR '1'='1\"",
                "\"" + "X".repeat(65) + "\"", "\"-leading-dash\"", "\"../../etc/passwd\"", "\"P\\u0000\"")) {
            cases.add(Case.invalid("programId=" + bad, programs, replace(PROGRAM, "programId", bad), "programId"));
        }
        cases.add(Case.malformed("programId=42", programs, replace(PROGRAM, "programId", "42"), "programId"));
        for (String bad : List.of("\"" + "N".repeat(201) + "\"", "\"\"", "\"   \"", "null")) {
            cases.add(Case.invalid("name=" + bad.length(), programs, replace(PROGRAM, "name", bad), "name"));
        }
        for (String bad : List.of("\"100.00001\"", "\"-5\"", "\"1000\"", "\"90%\"", "\"abc\"")) {
            cases.add(Case.invalid("maxDebtPct=" + bad, programs, replace(PROGRAM, "maxDebtPct", bad), "maxDebtPct"));
        }
        for (String bad : List.of("\"4.300001\"", "\"100\"", "\"-100\"", "\"4,3\"", "\"\"")) {
            cases.add(Case.invalid("ratePct=" + bad, fixings, replace(FIXING, "ratePct", bad), "ratePct"));
        }
        cases.add(Case.malformed("ratePct=4.3", fixings, replace(FIXING, "ratePct", "4.3"), "ratePct"));
        cases.add(Case.invalid("reason too long", programs,
                PROGRAM.replace("}", ",\"reason\":\"" + "r".repeat(501) + "\"}"), "reason"));
        cases.add(Case.of("path id with spaces", "/api/v1/programs/HO%20STILE/tranches/T1/draws", DRAW, 400,
                "INVALID_PARAMETER", null));
        cases.add(Case.of("path id overlong", "/api/v1/programs/" + "P".repeat(80) + "/tranches/T1/draws", DRAW, 400,
                "INVALID_PARAMETER", null));
        // Refused before routing: an encoded ';' is one of the characters the firewall never lets through.
        cases.add(Case.malformed("path id injection", "/api/v1/programs/HOSTILE'%3B--/commitments", COMMIT, null));
        cases.add(Case.of("unknown rate name shape", "/api/v1/base-rates/%3Cscript%3E/fixings", FIXING, 400,
                "INVALID_PARAMETER", null));
        cases.add(Case.of("unknown route", "/api/v1/nowhere", PROGRAM, 404, "NOT_FOUND", null));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAProblemWithACodeAndChangesNothing(Case hostile) {
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        HttpResponse<String> response = http().postRaw(hostile.path(), hostile.body(), "Content-Type",
                hostile.contentType(), "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(hostile.code());
        assertThat(problem.get("status").asInt()).isEqualTo(hostile.status());
        if (hostile.field() != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(hostile.field());
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("java.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void thereAreAtLeastAHundredCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }
}
