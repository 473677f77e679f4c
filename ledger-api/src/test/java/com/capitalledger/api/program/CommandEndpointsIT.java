package com.capitalledger.api.program;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint over HTTP, replaying the scripted history of {@code positions_expected.py}: each answers
 * 201 with the next aggregate version as its ETag, and the positions come out as computed independently.
 */
class CommandEndpointsIT extends IntegrationTest {

    private static final String P = "HTTP-IT";
    private static final String BASE = "/api/v1/programs/" + P;

    private final List<String> etags = new ArrayList<>();

    private HttpResponse<String> post(String path, String body) {
        HttpResponse<String> response = http().postJson(path, body, "X-Correlation-Id", "http-it-" + etags.size());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        etags.add(response.headers().firstValue("ETag").orElseThrow());
        return response;
    }

    @Test
    void theScriptedHistoryPostedOverHttpGivesTheIndependentlyComputedPositions() {
        post("/api/v1/base-rates/TERM-SOFR-12M/fixings", """
                {"ratePct":"4.30000","effectiveDate":"2025-01-01","reason":"published fixing"}""");
        post("/api/v1/programs", """
                {"programId":"HTTP-IT","name":"Over HTTP","currency":"USD","targetAmount":"1000000000.00",
                 "maxDebtPct":"80","effectiveDate":"2025-01-01"}""");
        post(BASE + "/phases", """
                {"phaseId":"PH1","name":"Phase one","budget":"500000000.00","currency":"USD","effectiveDate":"2025-01-01"}""");
        for (String[] investor : new String[][]{{"A", "Alpha", "60000000.00"}, {"B", "Beta", "30000000.00"},
                {"C", "Gamma", "10000000.00"}}) {
            post(BASE + "/commitments", """
                    {"investorId":"%s","investorName":"%s","amount":"%s","currency":"USD","effectiveDate":"2025-01-01"}"""
                    .formatted((Object[]) investor));
        }
        post(BASE + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"10000000.01","currency":"USD","purpose":"land",
                 "effectiveDate":"2025-02-01"}""");
        post(BASE + "/tranches", """
                {"trancheId":"T1","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"50000000.00",
                 "currency":"USD","baseRate":"TERM-SOFR-12M","marginPct":"2.0000","commitmentFeePct":"0.5000",
                 "availabilityEnd":"2026-12-31","effectiveDate":"2025-02-01",
                 "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"30000000.00"},
                            {"lenderId":"L2","name":"Lender Two","commitment":"20000000.00"}]}""");
        post(BASE + "/tranches/T1/draws", """
                {"drawId":"D1","amount":"9000000.00","currency":"USD","effectiveDate":"2025-03-01"}""");
        post(BASE + "/capital-calls/C1/defaults", """
                {"investorId":"C","effectiveDate":"2025-04-01","reason":"missed the call"}""");
        post(BASE + "/tranches/T1/repayments", """
                {"repaymentId":"R1","amount":"3000000.00","currency":"USD","effectiveDate":"2025-05-01"}""");
        post(BASE + "/tranches/T1/repricings", """
                {"newMarginPct":"2.5000","effectiveDate":"2025-06-01"}""");
        post(BASE + "/capital-calls/C1/defaults/C/cure", """
                {"effectiveDate":"2025-07-01"}""");
        post(BASE + "/capital-calls", """
                {"callId":"C2","phaseId":"PH1","amount":"9000000.00","currency":"USD","purpose":"shell",
                 "effectiveDate":"2025-08-01"}""");
        post(BASE + "/tranches/T1/draws", """
                {"drawId":"D2","amount":"4567890.12","currency":"USD","effectiveDate":"2025-09-01"}""");
        post("/api/v1/base-rates/TERM-SOFR-12M/fixings", """
                {"ratePct":"4.50000","effectiveDate":"2025-04-01","reason":"correction"}""");
        // The changes the scripted history does not make, each undone in value terms.
        post(BASE + "/commitments/A/increase", """
                {"amount":"1.00","currency":"USD","effectiveDate":"2025-12-01"}""");
        post(BASE + "/commitments/A/reduce", """
                {"amount":"1.00","currency":"USD","effectiveDate":"2025-12-01"}""");
        post(BASE + "/commitments/B/transfers", """
                {"toInvestorId":"A","amount":"5.00","currency":"USD","effectiveDate":"2025-12-01"}""");
        post(BASE + "/commitments/A/transfers", """
                {"toInvestorId":"B","amount":"5.00","currency":"USD","effectiveDate":"2025-12-01"}""");

        // The program's versions count up from 0; the rate's (shared with other tests' programs) go up by one.
        List<String> program = new ArrayList<>(etags.subList(1, 15));
        program.addAll(etags.subList(16, 20));
        assertThat(program).containsExactly("\"0\"", "\"1\"", "\"2\"", "\"3\"", "\"4\"", "\"5\"", "\"6\"",
                "\"7\"", "\"8\"", "\"9\"", "\"10\"", "\"11\"", "\"12\"", "\"13\"", "\"14\"", "\"15\"", "\"16\"",
                "\"17\"");
        long firstFixing = Long.parseLong(etags.get(0).replace("\"", ""));
        assertThat(etags.get(15)).isEqualTo("\"" + (firstFixing + 1) + "\"");
        awaitReadModels();
        JsonNode june = json(http().get(BASE + "/positions?asOf=2025-06-30"));
        JsonNode t1 = june.get("tranches").get(0);
        assertThat(t1.get("accruedInterest").asText()).isEqualTo("166158.33");
        assertThat(t1.get("accruedCommitmentFee").asText()).isEqualTo("88916.67");
        assertThat(june.get("investors").get(2).get("status").asText()).isEqualTo("IN_DEFAULT");
        JsonNode end = json(http().get(BASE + "/positions?asOf=2025-12-31"));
        assertThat(end.get("investors")).extracting(i -> i.get("investorId").asText() + " " + i.get("committed").asText()
                + " " + i.get("called").asText()).containsExactly("A 60000000.00 11400000.01",
                "B 30000000.00 5700000.00", "C 10000000.00 1900000.00");
        assertThat(end.get("tranches").get(0).get("accruedInterest").asText()).isEqualTo("489185.50");
        assertThat(end.get("tranches").get(0).get("accruedCommitmentFee").asText()).isEqualTo("185954.41");
    }

    @Test
    void commandsBeyondTheLimitsAreRefusedWithTheirCodes() {
        post("/api/v1/programs", """
                {"programId":"HTTP-LIMITS","name":"Limits","currency":"USD","targetAmount":"100.00",
                 "maxDebtPct":"80","effectiveDate":"2025-01-01"}""");
        HttpResponse<String> overTarget = http().postJson("/api/v1/programs/HTTP-LIMITS/phases", """
                {"phaseId":"PH1","name":"Too big","budget":"100.01","currency":"USD","effectiveDate":"2025-01-01"}""");
        HttpResponse<String> cancelUnknown = http().postJson("/api/v1/programs/HTTP-LIMITS/commitments/NOBODY/cancel", """
                {"effectiveDate":"2025-01-01"}""");
        HttpResponse<String> badRate = http().postJson("/api/v1/base-rates/LIBOR/fixings", """
                {"ratePct":"4.3","effectiveDate":"2025-01-01"}""");
        HttpResponse<String> badPath = http().postJson("/api/v1/programs/HTTP-LIMITS/commitments/bad%20id/cancel", """
                {"effectiveDate":"2025-01-01"}""");

        assertThat(overTarget.statusCode()).isEqualTo(422);
        assertThat(json(overTarget).get("code").asText()).isEqualTo("PROGRAM_TARGET_EXCEEDED");
        assertThat(json(cancelUnknown).get("code").asText()).isEqualTo("UNKNOWN_INVESTOR");
        assertThat(json(badRate).get("code").asText()).isEqualTo("UNKNOWN_BASE_RATE");
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(json(badPath).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }
}
