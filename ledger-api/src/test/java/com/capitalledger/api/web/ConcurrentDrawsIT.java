package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Two draws racing for the same commitment: one is accepted, the other refused; no update is lost. */
class ConcurrentDrawsIT extends IntegrationTest {

    private static final String BASE = "/api/v1/programs/RACE";
    private static final int TRANCHES = 8;

    private void post(String path, String body) {
        HttpResponse<String> response = http().postJson(path, body);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
    }

    @Test
    void twoConcurrentDrawsThatTogetherExceedTheCommitmentGiveOneSuccessAndOneRefusal() throws Exception {
        post("/api/v1/base-rates/SOFR/fixings", """
                {"ratePct":"4.30000","effectiveDate":"2025-01-01"}""");
        post("/api/v1/programs", """
                {"programId":"RACE","name":"Race","currency":"USD","targetAmount":"100000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""");
        post(BASE + "/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"100000.00","currency":"USD","effectiveDate":"2025-01-01"}""");
        post(BASE + "/commitments", """
                {"investorId":"A","investorName":"A","amount":"10000.00","currency":"USD","effectiveDate":"2025-01-01"}""");
        post(BASE + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"5000.00","currency":"USD","purpose":"equity first",
                 "effectiveDate":"2025-01-01"}""");
        for (int t = 0; t < TRANCHES; t++) {
            post(BASE + "/tranches", """
                    {"trancheId":"T%d","phaseId":"PH1","name":"Tranche","seniority":"SENIOR","commitment":"100.00",
                     "currency":"USD","baseRate":"SOFR","marginPct":"2.0000","commitmentFeePct":"0.2500",
                     "availabilityEnd":"2026-12-31","effectiveDate":"2025-01-01",
                     "lenders":[{"lenderId":"L1","name":"Lender","commitment":"100.00"}]}""".formatted(t));
        }

        List<HttpResponse<String>> all = new ArrayList<>();
        for (int t = 0; t < TRANCHES; t++) {
            CyclicBarrier start = new CyclicBarrier(2);
            String path = BASE + "/tranches/T" + t + "/draws";
            List<CompletableFuture<HttpResponse<String>>> racers = new ArrayList<>();
            for (String draw : List.of("D" + t + "a", "D" + t + "b")) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return http().postJson(path, """
                            {"drawId":"%s","amount":"60.00","currency":"USD","effectiveDate":"2025-01-02"}"""
                            .formatted(draw));
                }));
            }
            List<HttpResponse<String>> pair = List.of(racers.get(0).get(), racers.get(1).get());
            all.addAll(pair);

            assertThat(pair).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
            HttpResponse<String> refused = pair.get(0).statusCode() == 422 ? pair.get(0) : pair.get(1);
            assertThat(json(refused).get("code").asText()).isEqualTo("COMMITMENT_EXCEEDED");
        }
        awaitReadModels();
        JsonNode positions = json(http().get(BASE + "/positions?asOf=2025-01-02"));
        assertThat(positions.get("tranches")).extracting(t -> t.get("drawn").asText()).containsOnly("60.00");
        assertThat(positions.get("debtTotals").get("drawn").asText()).isEqualTo("480.00");
        assertThat(all).extracting(HttpResponse::statusCode).doesNotContain(409, 500);
    }
}
