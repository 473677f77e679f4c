package com.capitalledger.api.whatif;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * scaleCashFlows over real HTTP: a small operating program (one senior tranche drawn, three quarters of cash flows and
 * waterfalls), branched with its cash flows from Q4 2026 scaled, answers exactly what posting the same program with the
 * scaled cash flows to a fresh program and reading its positions, cash flows and returns answers; a revenue cut that
 * takes a DSCR below the lock-up names the DSCR, the failed distribution test and what it does to an investor's TVPI
 * and IRR. Own context: it posts its own SOFR fixing.
 */
@TestPropertySource(properties = "ledger.test.context=scale-cash-flows")
@DirtiesContext
class ScaleCashFlowsIT extends IntegrationTest {

    private static final List<String> DATES = List.of("2026-09-30", "2026-12-31", "2027-01-02", "2027-04-02",
            "2027-06-30");

    /** Each quarter's revenue, operating costs, taxes and capex as recorded. */
    private static final Map<String, List<String>> CASH_FLOWS = Map.of(
            "2026-09-30", List.of("70000000.00", "10000000.00", "5000000.00", "5000000.00"),
            "2026-12-31", List.of("60000000.05", "20000000.05", "1000000.00", "0.00"),
            "2027-03-31", List.of("50000000.00", "15000000.00", "0.00", "2000000.00"));

    @Test
    void aWhatIfWithScaleCashFlowsEqualsPostingTheScaledCashFlowsToAFreshLedgerAndReadingIt() {
        created(http().postJson("/api/v1/base-rates/SOFR/fixings",
                "{\"ratePct\":\"4.00000\",\"effectiveDate\":\"2026-01-01\"}"));
        program("SC-BASE", "1.2000", UnaryOperator.identity());
        // Revenue -20%, operating costs +10% from Q4 2026 on, as the what-if scales them (HALF_EVEN to the cent):
        // 60,000,000.05 × 0.8 = 48,000,000.04; 20,000,000.05 × 1.1 = 22,000,000.055 → 22,000,000.06.
        program("SC-SCALED", "1.2000", flow -> flow.get(0).equals("60000000.05")
                ? List.of("48000000.04", "22000000.06", flow.get(2), flow.get(3))
                : flow.get(0).equals("50000000.00") ? List.of("40000000.00", "16500000.00", flow.get(2), flow.get(3))
                : flow);
        awaitReadModels();

        JsonNode result = answered("SC-BASE", "{\"asOf\": [" + String.join(", ", DATES.stream()
                .map(date -> "\"" + date + "\"").toList()) + "], \"changes\": [{\"op\": \"scaleCashFlows\", "
                + "\"from\": \"2026-10-01\", \"revenuePct\": \"-20\", \"operatingCostsPct\": \"10\"}]}");

        assertThat(result.get("changes").get(0).get("op").asText()).isEqualTo("scaleCashFlows");
        assertThat(result.get("changes").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(result.get("consequences")).isEmpty();
        String knownAt = result.get("knownAt").asText();
        for (int i = 0; i < DATES.size(); i++) {
            JsonNode posted = comparable(document("SC-SCALED", DATES.get(i), knownAt));
            JsonNode scenario = comparable(result.get("scenario").get(i));
            // Figure by figure first, for a failure that names the figure; then the whole document.
            List<String> figures = new ArrayList<>();
            leaves("", posted, figures);
            assertThat(figures).as("section 10's figures as of " + DATES.get(i))
                    .anyMatch(figure -> figure.endsWith("/dsraBalance"))
                    .anyMatch(figure -> figure.endsWith("/lockUpBalance"))
                    .anyMatch(figure -> figure.endsWith("/distributed"))
                    .anyMatch(figure -> figure.endsWith("/interestPaid"))
                    .anyMatch(figure -> figure.startsWith("/cashFlows/periods/") && figure.endsWith("/cfads"))
                    .anyMatch(figure -> figure.startsWith("/returns/investors/") && figure.endsWith("/irrPct"))
                    .contains("/returns/program/tvpi", "/returns/program/irrPct");
            for (String figure : figures) {
                assertThat(scenario.at(figure)).as(figure + " as of " + DATES.get(i)).isEqualTo(posted.at(figure));
            }
            assertThat(scenario).as("as of " + DATES.get(i)).isEqualTo(posted);
            assertThat(result.get("base").get(i)).as("base as of " + DATES.get(i))
                    .isEqualTo(document("SC-BASE", DATES.get(i), knownAt));
        }
        // Q3 2026 is before 'from': nothing differs on 2026-09-30. Q4's waterfall (paid 2027-01-01) distributes
        // less; Q1 2027's scaled CFADS falls short of its debt service and draws the DSRA.
        List<JsonNode> differences = new ArrayList<>();
        result.get("differences").forEach(differences::add);
        assertThat(differences).noneMatch(difference -> difference.get("asOf").asText().equals("2026-09-30"));
        assertThat(differencesOn(differences, "2027-01-02")).contains("investors[A].distributed",
                "returns.investors[A].distributed", "returns.investors[A].tvpi", "returns.investors[A].irrPct",
                "returns.program.tvpi", "returns.program.irrPct");
        assertThat(differencesOn(differences, "2027-04-02")).anyMatch(path -> path.endsWith("dsraBalance"))
                .contains("cashFlows.periods[2027-03-31].waterfall.dsra.drawn");
    }

    @Test
    void aRevenueCutThatTakesTheDscrBelowLockUpNamesTheDscrAndTheFailedDistributionTest() {
        created(http().postJson("/api/v1/base-rates/SOFR/fixings",
                "{\"ratePct\":\"4.00000\",\"effectiveDate\":\"2026-01-01\"}"));
        program("SC-LOCK", "1.9000", UnaryOperator.identity());
        awaitReadModels();

        JsonNode result = answered("SC-LOCK", "{\"asOf\": [\"2027-01-02\"], \"changes\": [{\"op\": "
                + "\"scaleCashFlows\", \"from\": \"2026-10-01\", \"revenuePct\": \"-20\"}]}");

        // The base is the live ledger: its positions, and its cash flows as GET /cash-flows gives them.
        assertThat(result.get("base").get(0)).isEqualTo(document("SC-LOCK", "2027-01-02",
                result.get("knownAt").asText()));
        // Q4 2026's senior debt service: interest 180,000,000.00 × 5% × 92 / 360 = 2,300,000.00 and the installment
        // 20,000,000.00; Q3's: 200,000,000.00 × 5% × 92 / 360 = 2,555,555.56 and 20,000,000.00. Revenue 60,000,000.05
        // cut to 48,000,000.04 takes Q4's CFADS from 39,000,000.00 to 26,999,999.99, and the DSCR from
        // 89,000,000.00 / 44,855,555.56 = 1.98414.. to 76,999,999.99 / 44,855,555.56 = 1.71662.., below the lock-up
        // 1.9: the 4,999,999.99 left after the debt service and the DSRA's release of 300,000.00 is trapped, not
        // distributed.
        String q4 = "cashFlows.periods[2026-12-31].";
        assertThat(result.get("differences")).extracting(d -> d.get("path").asText(), d -> d.get("base").asText(),
                        d -> d.get("scenario").asText(), d -> d.get("delta").asText())
                .filteredOn(row -> ((String) row.toArray()[0]).startsWith("cashFlows."))
                .containsExactly(
                        tuple(q4 + "revenue", "60000000.05", "48000000.04", "-12000000.01"),
                        tuple(q4 + "cfads", "39000000.00", "26999999.99", "-12000000.01"),
                        tuple(q4 + "waterfall.cashAvailable", "39000000.00", "26999999.99", "-12000000.01"),
                        tuple(q4 + "waterfall.lockUp.trapped", "0.00", "4999999.99", "4999999.99"),
                        tuple(q4 + "waterfall.lockUp.closing", "0.00", "4999999.99", "4999999.99"),
                        tuple(q4 + "waterfall.dscr", "1.9841", "1.7166", "-0.2675"),
                        tuple(q4 + "waterfall.distributionTest.passed", "true", "false", "null"),
                        tuple(q4 + "waterfall.distributionTest.reasons", "", "DSCR_BELOW_LOCK_UP", "null"),
                        tuple(q4 + "waterfall.distributed", "17000000.00", "0.00", "-17000000.00"));
        // A paid 60,000,000.00 in on 2026-01-15 and holds it at cost; it was paid 60% of Q3's 1,755,555.56 on
        // 2026-10-01 (1,053,333.34, the odd cent its larger remainder) and of Q4's 17,000,000.00 on 2027-01-01. Without
        // Q4's: DPI 1,053,333.34 / 60,000,000.00 = 0.01755.. instead of 11,253,333.34 / 60,000,000.00 = 0.18755..,
        // and the IRR of -60,000,000.00, +1,053,333.34 and +60,000,000.00 on 2027-01-02 instead of with 10,200,000.00
        // more on 2027-01-01 (both found to 1e-10 with exact decimals, independently of the ledger).
        assertThat(result.get("differences")).extracting(d -> d.get("path").asText(), d -> d.get("base").asText(),
                        d -> d.get("scenario").asText(), d -> d.get("delta").asText())
                .filteredOn(row -> ((String) row.toArray()[0]).startsWith("returns.investors[A]."))
                .containsExactly(
                        tuple("returns.investors[A].distributed", "11253333.34", "1053333.34", "-10200000.00"),
                        tuple("returns.investors[A].dpi", "0.1876", "0.0176", "-0.1700"),
                        tuple("returns.investors[A].tvpi", "1.1876", "1.0176", "-0.1700"),
                        tuple("returns.investors[A].irrPct", "19.6061", "1.8294", "-17.7767"));
        // The same cut (Q4 2026 and Q1 2027) posted to a fresh program: its returns read are the scenario's.
        program("SC-LOCK-CUT", "1.9000", flow -> flow.get(0).equals("70000000.00") ? flow
                : List.of(new BigDecimal(flow.get(0)).multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString(), flow.get(1), flow.get(2), flow.get(3)));
        awaitReadModels();
        JsonNode cut = new AnalystCalls(http(TestUsers.ANALYST)).returns("SC-LOCK-CUT", "2027-01-02",
                Instant.now().toString());
        assertThat(comparable(result.get("scenario").get(0)).get("returns")).isEqualTo(comparable(cut));
        HttpResponse<String> csv = new AnalystCalls(http(TestUsers.ANALYST)).whatIfCsv("SC-LOCK", "{\"asOf\": "
                + "[\"2027-01-02\"], \"changes\": [{\"op\": \"scaleCashFlows\", \"from\": \"2026-10-01\", "
                + "\"revenuePct\": \"-20\"}]}");
        assertThat(csv.body().lines()).hasSize(result.get("differences").size() + 1).contains(
                "2027-01-02," + q4 + "waterfall.dscr,1.9841,1.7166,-0.2675",
                "2027-01-02," + q4 + "waterfall.distributionTest.passed,true,false,");
    }

    private static List<String> differencesOn(List<JsonNode> differences, String asOf) {
        return differences.stream().filter(difference -> difference.get("asOf").asText().equals(asOf))
                .map(difference -> difference.get("path").asText()).toList();
    }

    @Test
    void aMalformedScaleIs400NamingItsField() {
        created(http().postJson("/api/v1/programs", """
                {"programId":"SC-BAD","name":"Bad","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"80",
                 "effectiveDate":"2026-01-01"}"""));
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", \"revenuePct\": \"-100\"}",
                "changes[0].revenuePct");
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", \"operatingCostsPct\": \"-120.5\"}",
                "changes[0].operatingCostsPct");
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", \"revenuePct\": \"1.23456\"}",
                "changes[0].revenuePct");
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", \"revenuePct\": \"ten\"}",
                "changes[0].revenuePct");
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\"}", "changes[0].revenuePct");
        invalid("{\"op\": \"scaleCashFlows\", \"revenuePct\": \"5\"}", "changes[0].from");
        invalid("{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", \"revenuePct\": \"5\", \"bps\": 5}",
                "changes[0].bps");
        invalid("{\"op\": \"shiftRate\", \"baseRate\": \"SOFR\", \"from\": \"2028-01-01\", \"bps\": 5, "
                + "\"revenuePct\": \"5\"}", "changes[0].revenuePct");
        // Well formed, with one percentage only: answered.
        answered("SC-BAD", "{\"changes\": [{\"op\": \"scaleCashFlows\", \"from\": \"2028-01-01\", "
                + "\"operatingCostsPct\": \"-99.9999\"}]}");
    }

    private void invalid(String change, String field) {
        HttpResponse<String> response = whatIf("SC-BAD", "{\"changes\": [" + change + "]}");
        assertThat(response.statusCode()).as(change + " -> " + response.body()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(json(response).get("errors").findValuesAsText("field")).as(response.body()).containsExactly(field);
    }

    /**
     * The program: SOFR 4% + 1% on one senior tranche, three quarters recorded and their waterfalls run, the lock-up
     * at the DSCR given.
     */
    private void program(String id, String lockUpDscr, UnaryOperator<List<String>> cashFlows) {
        String p = "/api/v1/programs/" + id;
        created(http().postJson("/api/v1/programs", """
                {"programId":"%s","name":"Scaled","currency":"USD","targetAmount":"1000000000.00",
                 "maxDebtPct":"80","effectiveDate":"2026-01-01"}""".formatted(id)));
        created(http().postJson(p + "/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD","effectiveDate":"2026-01-01"}"""));
        created(http().postJson(p + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"60000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(http().postJson(p + "/commitments", """
                {"investorId":"B","investorName":"Beta","amount":"40000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(http().postJson(p + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"100000000.00","currency":"USD","purpose":"works",
                 "effectiveDate":"2026-01-15"}"""));
        created(http().postJson(p + "/tranches", """
                {"trancheId":"T1","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"200000000.00",
                 "currency":"USD","baseRate":"SOFR","marginPct":"1","commitmentFeePct":"0",
                 "availabilityEnd":"2026-12-31","effectiveDate":"2026-02-01",
                 "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"200000000.00"}]}"""));
        created(http().postJson(p + "/tranches/T1/draws", """
                {"drawId":"D1","amount":"200000000.00","currency":"USD","effectiveDate":"2026-03-01"}"""));
        created(http().postJson(p + "/operating-terms", """
                {"operationsStart":"2026-07-01","periodMonths":3,"lockUpDscr":"%s","defaultDscr":"1.0500",
                 "dsraPeriods":1,"effectiveDate":"2026-06-01"}""".formatted(lockUpDscr)));
        created(http().postJson(p + "/tranches/T1/repayment-schedule", """
                {"installments":[{"dueDate":"2026-10-01","pct":"10"},{"dueDate":"2027-01-01","pct":"10"},
                 {"dueDate":"2027-04-01","pct":"10"},{"dueDate":"2027-07-01","pct":"70"}],
                 "effectiveDate":"2026-06-01"}"""));
        for (String periodEnd : List.of("2026-09-30", "2026-12-31", "2027-03-31")) {
            List<String> flow = cashFlows.apply(CASH_FLOWS.get(periodEnd));
            created(http().postJson(p + "/operating-cash-flows", """
                    {"periodEnd":"%s","revenue":"%s","operatingCosts":"%s","taxes":"%s","maintenanceCapex":"%s",
                     "currency":"USD"}""".formatted(periodEnd, flow.get(0), flow.get(1), flow.get(2), flow.get(3))));
            created(http().postJson(p + "/waterfalls", "{\"periodEnd\":\"" + periodEnd + "\"}"));
        }
    }

    private HttpResponse<String> whatIf(String programId, String body) {
        return new AnalystCalls(http(TestUsers.ANALYST)).whatIf(programId, body);
    }

    private JsonNode answered(String programId, String body) {
        return new AnalystCalls(http(TestUsers.ANALYST)).answered(programId, body);
    }

    private JsonNode document(String programId, String asOf, String knownAt) {
        return new AnalystCalls(http(TestUsers.ANALYST)).document(programId, asOf, knownAt);
    }

    private static JsonNode comparable(JsonNode document) {
        return AnalystCalls.comparable(document);
    }

    /** The JSON pointer of every scalar in the document. */
    private static void leaves(String at, JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                leaves(at + "/" + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(at + "/" + i, node.get(i), out);
            }
        } else {
            out.add(at);
        }
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
