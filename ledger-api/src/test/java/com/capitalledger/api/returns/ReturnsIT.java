package com.capitalledger.api.returns;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OperatingProgram;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valuations, returns and capital accounts over real HTTP, on programs whose figures are computed by hand; the IRRs
 * were computed independently with Python's decimal module (50 digits, bisection on the ACT/365 net present value).
 * Its own ledger: {@link OperatingProgram#seed} fixes TERM-SOFR-12M at 0.
 */
@TestPropertySource(properties = "ledger.test.context=returns")
@DirtiesContext
class ReturnsIT extends IntegrationTest {

    private static final String OPS = "/api/v1/programs/RT-OPS";
    private static final String CURE = "/api/v1/programs/RT-CURE";

    /**
     * RT-OPS: A and B pay in 60 and 40 million on 2026-01-15 and receive 6 and 4 million on 2026-10-01, 24 and 16
     * million on 2027-04-01. The equity is valued at 80 million on 2026-12-31 (recorded after the fact, back-dated)
     * and at 90 million on 2027-06-30 (a first record of 1.00 replaced).
     */
    @Test
    void returnsFollowContributionsDistributionsAndValuations() {
        OperatingProgram.seed(http(), "RT-OPS");
        valuation(OPS, "2027-06-30", "1.00");
        Instant beforeReplacement = Instant.now();
        valuation(OPS, "2027-06-30", "90000000.00");
        valuation(OPS, "2026-12-31", "80000000.00");
        awaitReadModels();

        // 2027-06-30: A has 54 of the 90 million (60 % of paid-in). IRR of -60 (2026-01-15), +6 (2026-10-01),
        // +24 (2027-04-01), +54 (2027-06-30): 28.8939 %; B's flows are A's × 2/3, so are the program's × 3/5.
        JsonNode returns = read(OPS + "/returns?asOf=2027-06-30");
        assertThat(line(returns.get("investors").get(0))).isEqualTo(
                "A 60000000.00 30000000.00 54000000.00 VALUATION 0.5000 0.9000 1.4000 28.8939");
        assertThat(line(returns.get("investors").get(1))).isEqualTo(
                "B 40000000.00 20000000.00 36000000.00 VALUATION 0.5000 0.9000 1.4000 28.8939");
        assertThat(line(returns.get("program"))).isEqualTo(
                "- 100000000.00 50000000.00 90000000.00 VALUATION 0.5000 0.9000 1.4000 28.8939");

        // 2027-03-31: the 2026-12-31 valuation (A 48 million); the April distribution is not yet paid. -8.7439 %.
        assertThat(line(read(OPS + "/returns?asOf=2027-03-31").get("investors").get(0))).isEqualTo(
                "A 60000000.00 6000000.00 48000000.00 VALUATION 0.1000 0.8000 0.9000 -8.7439");
        // Before any valuation, NAV is paid-in (cost).
        assertThat(line(read(OPS + "/returns?asOf=2026-06-30").get("investors").get(0))).isEqualTo(
                "A 60000000.00 0.00 60000000.00 COST 0.0000 1.0000 1.0000 0.0000");
        // Known before the replacement, 2027-06-30 was valued at 1.00: A's NAV is 0.60.
        JsonNode known = read(OPS + "/returns?asOf=2027-06-30&knownAt=" + beforeReplacement);
        assertThat(known.get("investors").get(0).get("nav").asText()).isEqualTo("0.60");
        assertThat(known.get("program").get("nav").asText()).isEqualTo("1.00");

        // Q2 2027's roll-forward for A: 48 → 54 million, 24 million distributed, so the value grew 30 million.
        JsonNode account = read(OPS + "/investors/A/capital-account?from=2027-04-01&to=2027-06-30");
        assertThat(account.get("programId").asText()).isEqualTo("RT-OPS");
        assertThat(account.get("investorId").asText()).isEqualTo("A");
        assertThat(account(account)).isEqualTo(
                "48000000.00 +0.00 -24000000.00 +30000000.00 = 54000000.00 committed 60000000.00 unfunded 0.00");
        // By default the period is the calendar quarter of 'to'.
        assertThat(account(read(OPS + "/investors/A/capital-account?to=2027-06-30"))).isEqualTo(account(account));
        // 2026: paid in 60 million at cost, received 6, valued at 48 on 2026-12-31.
        assertThat(account(read(OPS + "/investors/A/capital-account?from=2026-01-01&to=2026-12-31"))).isEqualTo(
                "0.00 +60000000.00 -6000000.00 -6000000.00 = 48000000.00 committed 60000000.00 unfunded 0.00");

        JsonNode all = read(OPS + "/capital-accounts?from=2027-04-01&to=2027-06-30");
        assertThat(account(all.get("investors").get(1))).isEqualTo(
                "32000000.00 +0.00 -16000000.00 +20000000.00 = 36000000.00 committed 40000000.00 unfunded 0.00");
        assertThat(account(all.get("program"))).isEqualTo(
                "80000000.00 +0.00 -40000000.00 +50000000.00 = 90000000.00 committed 100000000.00 unfunded 0.00");

        String knownAt = all.get("knownAt").asText();
        HttpResponse<String> csv = http().get(OPS + "/capital-accounts?from=2027-04-01&to=2027-06-30&knownAt="
                + knownAt, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"capital-accounts-RT-OPS-2027-04-01-2027-06-30.csv\"");
        assertThat(csv.body().replace("\r\n", "\n").replace(knownAt, "T")).isEqualTo("""
                programId,investorId,from,to,knownAt,beginningNav,contributions,distributions,netChangeInValue,\
                endingNav,committed,unfunded
                RT-OPS,A,2027-04-01,2027-06-30,T,48000000.00,0.00,24000000.00,30000000.00,54000000.00,60000000.00,0.00
                RT-OPS,B,2027-04-01,2027-06-30,T,32000000.00,0.00,16000000.00,20000000.00,36000000.00,40000000.00,0.00
                RT-OPS,PROGRAM,2027-04-01,2027-06-30,T,80000000.00,0.00,40000000.00,50000000.00,90000000.00,\
                100000000.00,0.00
                """);
        HttpResponse<String> one = http().get(OPS + "/investors/B/capital-account?from=2027-04-01&to=2027-06-30",
                "Accept", "text/csv");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body().split("\r\n")[1]).startsWith("RT-OPS,B,2027-04-01,2027-06-30,")
                .endsWith(",32000000.00,0.00,16000000.00,20000000.00,36000000.00,40000000.00,0.00");

        problem(http().get(OPS + "/investors/A/capital-account?from=2027-07-01&to=2027-06-30"), 400,
                "INVALID_PARAMETER");
        problem(http().get(OPS + "/investors/Z/capital-account?from=2027-04-01&to=2027-06-30"), 404,
                "UNKNOWN_INVESTOR");
        problem(http().get("/api/v1/programs/NOPE/returns"), 404, "NO_PROGRAM");
        problem(http().get(OPS + "/returns?asOf=2027-13-01"), 400, "INVALID_PARAMETER");
        problem(http().postJson(OPS + "/valuations", """
                {"valuationDate":"2027-06-30","equityValue":"-1.00","currency":"USD"}"""), 400, "VALIDATION_FAILED");
        problem(http().postJson(OPS + "/valuations", """
                {"valuationDate":"2027-06-30","equityValue":"1.00","currency":"EUR"}"""), 422, "CURRENCY_MISMATCH");
    }

    /**
     * RT-CURE: X and Y are each allocated 30 million of a call on 2026-02-01; Y defaults and cures on 2026-05-01, so
     * its contribution counts from the cure. Equity valued at 70 million on 2026-06-30: 35 million each.
     */
    @Test
    void aDefaultedAllocationIsContributedOnTheDateItIsCured() {
        created(http().postJson("/api/v1/programs", """
                {"programId":"RT-CURE","name":"Cure","currency":"USD","targetAmount":"100000000.00",
                 "maxDebtPct":"80","effectiveDate":"2026-01-01"}"""));
        created(http().postJson(CURE + "/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"100000000.00","currency":"USD","effectiveDate":"2026-01-01"}"""));
        for (String investor : new String[]{"X", "Y"}) {
            created(http().postJson(CURE + "/commitments", """
                    {"investorId":"%s","investorName":"%s","amount":"50000000.00","currency":"USD",
                     "effectiveDate":"2026-01-01"}""".formatted(investor, investor)));
        }
        created(http().postJson(CURE + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"60000000.00","currency":"USD","purpose":"works",
                 "effectiveDate":"2026-02-01"}"""));
        created(http().postJson(CURE + "/capital-calls/C1/defaults", """
                {"investorId":"Y","effectiveDate":"2026-02-10"}"""));
        created(http().postJson(CURE + "/capital-calls/C1/defaults/Y/cure", """
                {"effectiveDate":"2026-05-01"}"""));
        valuation(CURE, "2026-06-30", "70000000.00");
        awaitReadModels();

        // While Y's default is open it has contributed nothing: no multiple, no rate.
        JsonNode march = read(CURE + "/returns?asOf=2026-03-31");
        assertThat(line(march.get("investors").get(1))).isEqualTo("Y 0.00 0.00 0.00 COST null null null null");
        assertThat(line(march.get("program"))).isEqualTo("- 30000000.00 0.00 30000000.00 COST 0.0000 1.0000 1.0000 "
                + "0.0000");
        // X: -30 on 2026-02-01, +35 on 2026-06-30: 45.8805 %; Y: -30 on 2026-05-01 (the cure), +35: 155.4228 %;
        // the program: both, +70: 70.0809 %.
        JsonNode june = read(CURE + "/returns?asOf=2026-06-30");
        assertThat(line(june.get("investors").get(0))).isEqualTo(
                "X 30000000.00 0.00 35000000.00 VALUATION 0.0000 1.1667 1.1667 45.8805");
        assertThat(line(june.get("investors").get(1))).isEqualTo(
                "Y 30000000.00 0.00 35000000.00 VALUATION 0.0000 1.1667 1.1667 155.4228");
        assertThat(line(june.get("program"))).isEqualTo(
                "- 60000000.00 0.00 70000000.00 VALUATION 0.0000 1.1667 1.1667 70.0809");
        // Y's Q2: nothing at the start (its default open), 30 million contributed on the cure, 5 million of value.
        assertThat(account(read(CURE + "/investors/Y/capital-account?from=2026-04-01&to=2026-06-30"))).isEqualTo(
                "0.00 +30000000.00 -0.00 +5000000.00 = 35000000.00 committed 50000000.00 unfunded 20000000.00");
    }

    private void valuation(String program, String date, String value) {
        HttpResponse<String> response = http().postJson(program + "/valuations", """
                {"valuationDate":"%s","equityValue":"%s","currency":"USD","reason":"appraisal"}"""
                .formatted(date, value));
        created(response);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(program + "/returns"));
    }

    private JsonNode read(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("code").asText()).isEqualTo(code);
    }

    private static String line(JsonNode returns) {
        return (returns.has("investorId") ? returns.get("investorId").asText() : "-") + " "
                + String.join(" ", text(returns, "contributed"), text(returns, "distributed"), text(returns, "nav"),
                text(returns, "navBasis"), text(returns, "dpi"), text(returns, "rvpi"), text(returns, "tvpi"),
                text(returns, "irrPct"));
    }

    private static String account(JsonNode a) {
        return text(a, "beginningNav") + " +" + text(a, "contributions") + " -" + text(a, "distributions") + " "
                + signed(text(a, "netChangeInValue")) + " = " + text(a, "endingNav") + " committed "
                + text(a, "committed") + " unfunded " + text(a, "unfunded");
    }

    private static String signed(String amount) {
        return amount.startsWith("-") ? amount : "+" + amount;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
