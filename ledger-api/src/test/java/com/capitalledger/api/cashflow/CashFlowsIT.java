package com.capitalledger.api.cashflow;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OpenApiConformance;
import com.capitalledger.api.support.ScriptedHistory;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The section-10 reads over HTTP after the scripted history and its first operating quarter (sent in-process with
 * the metadata of the HTTP path): {@code cash-flows}, {@code distributions} and the positions' new fields, as of the
 * period end and the payment date, as known before the cash flow's correction, and at a ledger position.
 * <p>
 * Hand-computed: tranche T1 is 9,000,000.00 + 4,567,890.12 − 3,000,000.00 = 10,567,890.12 outstanding at the end of
 * 2026-03-31, which fixes B; 50 % of it is 5,283,945.06 per installment. CFADS 21,500,000.00 − 1,000,000.00 −
 * 300,000.00 − 200,000.00 = 20,000,000.00 pays everything: the first installment, the interest and fee accrued through
 * 2026-03-31, and the DSRA up to its target (the next quarter's installment plus 91 days of interest on what is left at
 * the all-in rate on 2026-03-31); the rest is distributed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashFlowsIT extends IntegrationTest {

    private static final String P = "CASH-FLOWS-IT";
    private static final String BASE = "/api/v1/programs/" + P;
    private static final String NOW = "&knownAt=2100-01-01T00:00:00Z";

    @Autowired
    private CommandGateway commands;

    private Instant beforeCorrection;

    @BeforeAll
    void scriptTheHistory() {
        ScriptedHistory history = new ScriptedHistory(commands, P, "TERM-SOFR-3M");
        history.runUntilBeforeCorrection();
        history.recordBackDatedFixing();
        beforeCorrection = history.operate();
        awaitReadModels();
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http(TestUsers.ANALYST).get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static BigDecimal d(JsonNode node) {
        assertThat(node.isTextual()).as("money as a string: " + node).isTrue();
        return new BigDecimal(node.asText());
    }

    @Test
    void asOfThePaymentDateThePeriodShowsItsWaterfall() {
        JsonNode before = get(BASE + "/positions?asOf=2026-03-31" + NOW).get("tranches").get(0);
        BigDecimal interest = d(before.get("accruedInterest"));
        BigDecimal fee = d(before.get("accruedCommitmentFee"));
        BigDecimal allIn = new BigDecimal(before.get("allInRatePct").asText());

        JsonNode flows = get(BASE + "/cash-flows?asOf=2026-04-01" + NOW);
        assertThat(flows.get("programId").asText()).isEqualTo(P);
        assertThat(flows.get("asOf").asText()).isEqualTo("2026-04-01");
        JsonNode terms = flows.get("terms");
        assertThat(terms.get("operationsStart").asText()).isEqualTo("2026-01-01");
        assertThat(terms.get("periodMonths").asInt()).isEqualTo(3);
        assertThat(terms.get("lockUpDscr").asText()).isEqualTo("1.2000");
        assertThat(terms.get("defaultDscr").asText()).isEqualTo("1.0500");
        assertThat(terms.get("dsraPeriods").asInt()).isEqualTo(1);
        assertThat(flows.get("periods")).hasSize(1);
        JsonNode period = flows.get("periods").get(0);
        assertThat(period.get("periodEnd").asText()).isEqualTo("2026-03-31");
        assertThat(period.get("paymentDate").asText()).isEqualTo("2026-04-01");
        assertThat(period.get("revenue").asText()).isEqualTo("21500000.00");
        assertThat(period.get("operatingCosts").asText()).isEqualTo("1000000.00");
        assertThat(period.get("taxes").asText()).isEqualTo("300000.00");
        assertThat(period.get("maintenanceCapex").asText()).isEqualTo("200000.00");
        assertThat(period.get("cfads").asText()).isEqualTo("20000000.00");

        JsonNode waterfall = period.get("waterfall");
        assertThat(waterfall.get("cashAvailable").asText()).isEqualTo("20000000.00");
        List<String> steps = new ArrayList<>();
        waterfall.get("steps").forEach(step -> steps.add(step.get("step").asText() + " " + step.get("due").asText()
                + " " + step.get("paid").asText() + " " + step.get("shortfall").asText()));
        String seniorInterest = interest.add(fee).toPlainString();
        assertThat(steps).containsExactly(
                "SENIOR_INTEREST_AND_FEES " + seniorInterest + " " + seniorInterest + " 0.00",
                "SENIOR_PRINCIPAL 5283945.06 5283945.06 0.00",
                "MEZZANINE_INTEREST_AND_FEES 0.00 0.00 0.00",
                "MEZZANINE_PRINCIPAL 0.00 0.00 0.00");
        // Target: next quarter's installment + HALF_EVEN(5,283,945.06 × all-in × 91 / 36,000).
        BigDecimal target = new BigDecimal("5283945.06").add(new BigDecimal("5283945.06").multiply(allIn)
                .multiply(BigDecimal.valueOf(91)).divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_EVEN));
        JsonNode dsra = waterfall.get("dsra");
        assertThat(dsra.get("opening").asText()).isEqualTo("0.00");
        assertThat(dsra.get("drawn").asText()).isEqualTo("0.00");
        assertThat(dsra.get("released").asText()).isEqualTo("0.00");
        assertThat(d(dsra.get("toppedUp"))).isEqualTo(target);
        assertThat(d(dsra.get("closing"))).isEqualTo(target);
        assertThat(d(dsra.get("target"))).isEqualTo(target);
        JsonNode lockUp = waterfall.get("lockUp");
        assertThat(List.of(lockUp.get("opening").asText(), lockUp.get("trapped").asText(),
                lockUp.get("released").asText(), lockUp.get("closing").asText()))
                .containsExactly("0.00", "0.00", "0.00", "0.00");
        assertThat(waterfall.get("distributionTest").get("passed").asBoolean()).isTrue();
        assertThat(waterfall.get("distributionTest").get("reasons")).isEmpty();
        assertThat(waterfall.get("dscr").isTextual()).isTrue();
        BigDecimal distributed = new BigDecimal("20000000.00").subtract(interest).subtract(fee)
                .subtract(new BigDecimal("5283945.06")).subtract(target);
        assertThat(d(waterfall.get("distributed"))).isEqualTo(distributed);
        assertThat(flows.get("eventsOfDefault")).isEmpty();

        // The distribution: its allocations add up exactly and each investor's position shows its share.
        JsonNode distributions = get(BASE + "/distributions?asOf=2026-04-01" + NOW);
        assertThat(distributions).hasSize(1);
        JsonNode distribution = distributions.get(0);
        assertThat(distribution.get("paymentDate").asText()).isEqualTo("2026-04-01");
        assertThat(d(distribution.get("amount"))).isEqualTo(distributed);
        assertThat(distribution.get("excluded")).isEmpty();
        List<String> investors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        JsonNode positions = get(BASE + "/positions?asOf=2026-04-01" + NOW);
        for (JsonNode allocation : distribution.get("allocations")) {
            investors.add(allocation.get("investorId").asText());
            sum = sum.add(d(allocation.get("amount")));
            String investor = allocation.get("investorId").asText();
            JsonNode position = get(BASE + "/investors/" + investor + "?asOf=2026-04-01" + NOW);
            assertThat(position.get("distributed").asText()).isEqualTo(allocation.get("amount").asText());
        }
        assertThat(investors).containsExactly("A", "B", "C");
        assertThat(sum).isEqualTo(distributed);

        // Positions: the principal repaid the tranche on the payment date, interest and fee paid, B fixed.
        assertThat(d(positions.get("dsraBalance"))).isEqualTo(target);
        assertThat(positions.get("lockUpBalance").asText()).isEqualTo("0.00");
        JsonNode tranche = positions.get("tranches").get(0);
        assertThat(tranche.get("repaid").asText()).isEqualTo("8283945.06");
        assertThat(tranche.get("outstanding").asText()).isEqualTo("5283945.06");
        assertThat(d(tranche.get("interestPaid"))).isEqualTo(interest);
        assertThat(d(tranche.get("feesPaid"))).isEqualTo(fee);
        assertThat(tranche.get("principalArrears").asText()).isEqualTo("0.00");
        assertThat(tranche.get("schedule")).hasSize(2);
        assertThat(tranche.get("schedule").get(0).get("dueDate").asText()).isEqualTo("2026-04-01");
        assertThat(tranche.get("schedule").get(0).get("amount").asText()).isEqualTo("5283945.06");
        assertThat(tranche.get("schedule").get(0).get("paid").asText()).isEqualTo("5283945.06");
        assertThat(tranche.get("schedule").get(1).get("amount").asText()).isEqualTo("5283945.06");
        assertThat(tranche.get("schedule").get(1).get("paid").asText()).isEqualTo("0.00");
        BigDecimal lenders = BigDecimal.ZERO;
        for (JsonNode lender : tranche.get("lenders")) {
            lenders = lenders.add(d(lender.get("outstanding")));
        }
        assertThat(lenders).isEqualTo(new BigDecimal("5283945.06"));
        assertThat(d(positions.get("debtTotals").get("interestPaid"))).isEqualTo(interest);
        assertThat(d(positions.get("debtTotals").get("feesPaid"))).isEqualTo(fee);
        assertThat(get(BASE + "/tranches/T1?asOf=2026-04-01" + NOW).get("interestPaid").asText())
                .isEqualTo(interest.toPlainString());
    }

    /** The answers with a waterfall in them are exactly what the OpenAPI document declares, nullables included. */
    @Test
    void theAnswersAreWhatTheDocumentDeclares() {
        OpenApiConformance document = new OpenApiConformance(json(http().get("/v3/api-docs")));
        List<String> mismatches = new ArrayList<>();
        String programs = "/api/v1/programs/{programId}";
        for (String asOf : List.of("2026-03-30", "2026-04-01")) {
            String at = "?asOf=" + asOf;
            mismatches.addAll(document.check("GET", programs + "/cash-flows", http().get(BASE + "/cash-flows" + at)));
            mismatches.addAll(document.check("GET", programs + "/distributions",
                    http().get(BASE + "/distributions" + at)));
            mismatches.addAll(document.check("GET", programs + "/positions", http().get(BASE + "/positions" + at)));
            mismatches.addAll(document.check("GET", programs + "/investors/{investorId}",
                    http().get(BASE + "/investors/A" + at)));
            mismatches.addAll(document.check("GET", programs + "/tranches/{trancheId}",
                    http().get(BASE + "/tranches/T1" + at)));
        }
        mismatches.addAll(document.check("GET", programs + "/cash-flows", http().get("/api/v1/programs/NOPE/cash-flows")));
        assertThat(mismatches).isEmpty();
    }

    @Test
    void asOfThePeriodEndTheWaterfallHasNotRun() {
        JsonNode period = get(BASE + "/cash-flows?asOf=2026-03-31" + NOW).get("periods").get(0);
        assertThat(period.get("cfads").asText()).isEqualTo("20000000.00");
        assertThat(period.get("waterfall").isNull()).isTrue();
        assertThat(get(BASE + "/distributions?asOf=2026-03-31" + NOW)).isEmpty();

        JsonNode positions = get(BASE + "/positions?asOf=2026-03-31" + NOW);
        assertThat(positions.get("dsraBalance").asText()).isEqualTo("0.00");
        JsonNode tranche = positions.get("tranches").get(0);
        assertThat(tranche.get("outstanding").asText()).isEqualTo("10567890.12");
        assertThat(tranche.get("interestPaid").asText()).isEqualTo("0.00");
        // B is fixed at the end of 2026-03-31: the amounts show from that day.
        assertThat(tranche.get("schedule").get(0).get("amount").asText()).isEqualTo("5283945.06");
        assertThat(positions.get("investors").get(0).get("distributed").asText()).isEqualTo("0.00");

        JsonNode dayBefore = get(BASE + "/positions?asOf=2026-03-30" + NOW).get("tranches").get(0);
        assertThat(dayBefore.get("schedule").get(0).get("amount").isNull()).isTrue();
        assertThat(dayBefore.get("schedule").get(0).get("pct").asText()).as("posted as 50").isEqualTo("50.0000");
    }

    @Test
    void knownBeforeTheCorrectionTheFirstRecordShowsAndNoWaterfall() {
        JsonNode flows = get(BASE + "/cash-flows?asOf=2026-04-01&knownAt=" + beforeCorrection);
        JsonNode period = flows.get("periods").get(0);
        assertThat(period.get("revenue").asText()).isEqualTo("21000000.00");
        assertThat(period.get("operatingCosts").asText()).isEqualTo("500000.00");
        assertThat(period.get("waterfall").isNull()).isTrue();
        assertThat(get(BASE + "/distributions?asOf=2026-04-01&knownAt=" + beforeCorrection)).isEmpty();
        assertThat(get(BASE + "/positions?asOf=2026-04-01&knownAt=" + beforeCorrection).get("tranches").get(0)
                .get("outstanding").asText()).isEqualTo("10567890.12");
    }

    @Test
    void atALedgerPositionAndForAnUnknownProgram() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        HttpResponse<String> read = http(TestUsers.COMPLIANCE).get(BASE + "/cash-flows?asOf=2026-04-01&minPosition="
                + head);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("periods").get(0).get("waterfall").isObject()).isTrue();
        assertThat(http(TestUsers.TREASURY).get(BASE + "/distributions?asOf=2026-04-01&minPosition=" + head)
                .statusCode()).isEqualTo(200);

        for (String path : List.of("/cash-flows", "/distributions")) {
            HttpResponse<String> missing = http().get("/api/v1/programs/NOPE" + path);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(json(missing).get("code").asText()).isEqualTo("NO_PROGRAM");
            HttpResponse<String> notYet = http().get(BASE + path + "?knownAt=2000-01-01T00:00:00Z");
            assertThat(notYet.statusCode()).isEqualTo(404);
            HttpResponse<String> badDate = http().get(BASE + path + "?asOf=2026-13-01");
            assertThat(badDate.statusCode()).isEqualTo(400);
            assertThat(json(badDate).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        }
    }
}
