package com.capitalledger.api.cashflow;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static com.capitalledger.api.support.OperatingProgram.cashFlow;
import static com.capitalledger.api.support.OperatingProgram.schedule;
import static com.capitalledger.api.support.OperatingProgram.terms;
import static com.capitalledger.api.support.OperatingProgram.waiver;
import static com.capitalledger.api.support.OperatingProgram.waterfall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five operations commands over real HTTP on a small program whose figures are computed by hand: SOFR at 0 and a
 * zero margin and fee make every interest 0, so the waterfall pays installments, the DSRA and the distribution only.
 * Each of section 10's refusals is answered 422 with its code and audited; malformed bodies are 400 and change
 * nothing. Its own ledger: it fixes SOFR at 0, which other tests' programs must not see.
 */
@TestPropertySource(properties = "ledger.test.context=cash-flow-commands")
@DirtiesContext
class CashFlowCommandsIT extends IntegrationTest {

    private static final String P = "/api/v1/programs/CF1";

    private final List<String> refusals = new ArrayList<>();

    @Test
    void operationsCommandsAnswerOverHttpAndTheirRefusalsAreCodedAndAudited() {
        setUp();
        // Before terms: nothing operates.
        refused("RecordOperatingCashFlow", post("/operating-cash-flows", cashFlow("2026-09-30", "70000000.00",
                "10000000.00", "5000000.00", "5000000.00")), "NO_OPERATING_TERMS");

        accepted(post("/operating-terms", terms("2026-07-01", 3, "1.2000", "1.0500", 1, "2026-06-01")),
                P + "/cash-flows");
        // Replaced before the first waterfall, as often as needed.
        accepted(post("/operating-terms", terms("2026-07-01", 3, "1.2000", "1.0500", 1, "2026-06-01")),
                P + "/cash-flows");
        refused("SetRepaymentSchedule", post("/tranches/T1/repayment-schedule", schedule("2026-06-01",
                "2026-10-01", "10", "2027-01-01", "10", "2027-04-01", "70")), "INVALID_SCHEDULE");
        accepted(post("/tranches/T1/repayment-schedule", schedule("2026-06-01",
                "2026-10-01", "10", "2027-01-01", "10", "2027-04-01", "80")), P + "/tranches/T1");

        refused("RecordOperatingCashFlow", post("/operating-cash-flows", cashFlow("2026-08-31", "1.00", "0.00",
                "0.00", "0.00")), "INVALID_PERIOD");
        refused("RecordOperatingCashFlow", post("/operating-cash-flows", cashFlow("2026-06-30", "1.00", "0.00",
                "0.00", "0.00")), "INVALID_PERIOD");
        // A first record of Q3, then its correction: CFADS 70 - 10 - 5 - 5 = 50 million.
        accepted(post("/operating-cash-flows", cashFlow("2026-09-30", "1.00", "0.00", "0.00", "0.00")),
                P + "/cash-flows");
        accepted(post("/operating-cash-flows", cashFlow("2026-09-30", "70000000.00", "10000000.00",
                "5000000.00", "5000000.00")), P + "/cash-flows");
        refused("RunWaterfall", post("/waterfalls", waterfall("2026-12-31")), "NO_CASH_FLOW");
        // Q4: CFADS 30 - 10 = 20 million.
        accepted(post("/operating-cash-flows", cashFlow("2026-12-31", "30000000.00", "10000000.00", "0.00",
                "0.00")), P + "/cash-flows");
        refused("RunWaterfall", post("/waterfalls", waterfall("2026-12-31")), "PERIOD_OUT_OF_ORDER");

        HttpResponse<String> first = post("/waterfalls", waterfall("2026-09-30"));
        accepted(first, P + "/cash-flows");
        refused("RunWaterfall", post("/waterfalls", waterfall("2026-09-30")), "WATERFALL_ALREADY_RUN");
        refused("SetOperatingTerms", post("/operating-terms", terms("2026-07-01", 6, "1.2000", "1.0500", 1,
                "2026-10-01")), "TERMS_LOCKED");
        refused("SetRepaymentSchedule", post("/tranches/T1/repayment-schedule", schedule("2026-10-01",
                "2027-01-01", "50", "2027-04-01", "50")), "SCHEDULE_LOCKED");
        refused("RecordOperatingCashFlow", post("/operating-cash-flows", cashFlow("2026-09-30", "1.00", "0.00",
                "0.00", "0.00")), "PERIOD_CLOSED");
        HttpResponse<String> second = post("/waterfalls", waterfall("2026-12-31"));
        accepted(second, P + "/cash-flows");

        // Q1 2027: CFADS 10 million against the 160 million last installment; the DSRA's 20 million is drawn.
        accepted(post("/operating-cash-flows", cashFlow("2027-03-31", "10000000.00", "0.00", "0.00", "0.00")),
                P + "/cash-flows");
        HttpResponse<String> third = post("/waterfalls", waterfall("2027-03-31"));
        accepted(third, P + "/cash-flows");
        refused("WaiveEventOfDefault", post("/events-of-default/EOD-2026-09-30-DSCR/waiver",
                waiver("2027-04-02")), "UNKNOWN_EVENT_OF_DEFAULT");
        accepted(post("/events-of-default/EOD-2027-03-31-PAYMENT/waiver", waiver("2027-04-02")), P + "/cash-flows");
        refused("WaiveEventOfDefault", post("/events-of-default/EOD-2027-03-31-PAYMENT/waiver",
                waiver("2027-04-02")), "ALREADY_WAIVED");
        // The DSCR's event of default is still open: the lenders' draw-stop.
        refused("DrawTranche", post("/tranches/T1/draws", """
                {"drawId":"D2","amount":"1.00","currency":"USD","effectiveDate":"2027-04-02"}"""), "EVENT_OF_DEFAULT");

        awaitReadModels();
        refusals.forEach(this::checkAuditLine);

        // Q3 2026: 50 million of cash; 20 million principal (10 % of 200 million), the DSRA topped up to its target
        // (the next installment, 20 million), 10 million distributed 60/40 by paid-in. DSCR 50 / 20.
        JsonNode run1 = waterfallRun("2026-09-30");
        assertThat(figures(run1)).isEqualTo(
                "cash 50000000.00 cfads 50000000.00 dscr 2.5000 passed true [] distributed 10000000.00 "
                        + "steps SENIOR_INTEREST_AND_FEES 0.00/0.00/0.00 SENIOR_PRINCIPAL 20000000.00/20000000.00/0.00 "
                        + "MEZZANINE_INTEREST_AND_FEES 0.00/0.00/0.00 MEZZANINE_PRINCIPAL 0.00/0.00/0.00 "
                        + "dsra 0.00-0.00-0.00+20000000.00=20000000.00 target 20000000.00 "
                        + "lockUp 0.00+0.00-0.00=0.00 allocations A 6000000.00 B 4000000.00 eod []");
        // Q4 2026: 20 million pays the installment; nothing tops the DSRA up to its new target (the 160 million last
        // installment): the test fails. DSCR (50 + 20) / (20 + 20).
        assertThat(figures(waterfallRun("2026-12-31"))).isEqualTo(
                "cash 20000000.00 cfads 20000000.00 dscr 1.7500 passed false [DSRA_BELOW_TARGET] distributed 0.00 "
                        + "steps SENIOR_INTEREST_AND_FEES 0.00/0.00/0.00 SENIOR_PRINCIPAL 20000000.00/20000000.00/0.00 "
                        + "MEZZANINE_INTEREST_AND_FEES 0.00/0.00/0.00 MEZZANINE_PRINCIPAL 0.00/0.00/0.00 "
                        + "dsra 20000000.00-0.00-0.00+0.00=20000000.00 target 160000000.00 "
                        + "lockUp 0.00+0.00-0.00=0.00 allocations eod []");
        // Q1 2027: 10 million of cash and the DSRA's 20 million pay 30 of the 160 million due: a payment shortfall;
        // DSCR (50 + 20 + 10) / (20 + 20 + 160) = 0.4, below the default threshold. No installment is left, so the
        // DSRA's target is 0 and the DSRA, empty, holds it.
        assertThat(figures(waterfallRun("2027-03-31"))).isEqualTo(
                "cash 10000000.00 cfads 10000000.00 dscr 0.4000 passed false "
                        + "[DSCR_BELOW_LOCK_UP, PAYMENT_SHORTFALL, EVENT_OF_DEFAULT] distributed 0.00 "
                        + "steps SENIOR_INTEREST_AND_FEES 0.00/0.00/0.00 "
                        + "SENIOR_PRINCIPAL 160000000.00/30000000.00/130000000.00 "
                        + "MEZZANINE_INTEREST_AND_FEES 0.00/0.00/0.00 MEZZANINE_PRINCIPAL 0.00/0.00/0.00 "
                        + "dsra 20000000.00-20000000.00-0.00+0.00=0.00 target 0.00 "
                        + "lockUp 0.00+0.00-0.00=0.00 allocations "
                        + "eod [EOD-2027-03-31-DSCR DSCR_BELOW_DEFAULT, EOD-2027-03-31-PAYMENT PAYMENT_SHORTFALL]");
    }

    @Test
    void malformedBodiesAre400WithTheirFieldsAndChangeNothing() {
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"CF-BAD","name":"Bad","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"80",
                 "effectiveDate":"2026-01-01"}""").statusCode()).isEqualTo(201);
        String bad = "/api/v1/programs/CF-BAD";
        long events = events();
        invalid(bad + "/operating-terms", terms("2026-07-01", 4, "1.2000", "1.0500", 1, "2026-06-01"),
                "periodMonths");
        invalid(bad + "/operating-terms", terms("2026-07-01", 3, "1.2000", "1.0500", 5, "2026-06-01"),
                "dsraPeriods");
        invalid(bad + "/operating-terms", terms("2026-07-01", 3, "1.2000", "1.0500", -1, "2026-06-01"),
                "dsraPeriods");
        invalid(bad + "/operating-terms", terms("2026-07-01", 3, "1.2000", "1.2001", 1, "2026-06-01"),
                "defaultDscr");
        invalid(bad + "/operating-terms", terms("2026-07-01", 3, "1.20001", "1.0500", 1, "2026-06-01"),
                "lockUpDscr");
        invalid(bad + "/operating-terms", terms("2026-07-01", 3, "1.2000", "0.0000", 1, "2026-06-01"),
                "defaultDscr");
        invalid(bad + "/operating-terms", """
                {"periodMonths":3,"lockUpDscr":"1.2","defaultDscr":"1.05","dsraPeriods":1,"effectiveDate":"2026-06-01"}""",
                "operationsStart");
        invalid(bad + "/tranches/T1/repayment-schedule", schedule("2026-06-01", "2026-10-01", "49.99999",
                "2027-01-01", "50"), "installments[0].pct");
        invalid(bad + "/tranches/T1/repayment-schedule", "{\"effectiveDate\":\"2026-06-01\"}", "installments");
        invalid(bad + "/operating-cash-flows", cashFlow("2026-09-30", "-1.00", "0.00", "0.00", "0.00"), "revenue");
        invalid(bad + "/operating-cash-flows", cashFlow("2026-09-30", "1.00", "0.001", "0.00", "0.00"),
                "operatingCosts");
        invalid(bad + "/operating-cash-flows", """
                {"periodEnd":"2026-09-30","revenue":"1.00","operatingCosts":"0.00","taxes":"0.00","currency":"USD"}""",
                "maintenanceCapex");
        invalid(bad + "/waterfalls", "{}", "periodEnd");
        invalid(bad + "/events-of-default/EOD-2026-09-30-DSCR/waiver", "{\"effectiveDate\":\"2026-10-02\"}",
                "reason");
        invalid(bad + "/events-of-default/EOD-2026-09-30-DSCR/waiver",
                "{\"effectiveDate\":\"2026-10-02\",\"reason\":\"  \"}", "reason");
        assertThat(events()).as("a malformed command records nothing").isEqualTo(events);
    }

    private void setUp() {
        created(http().postJson("/api/v1/base-rates/SOFR/fixings",
                "{\"ratePct\":\"0.00000\",\"effectiveDate\":\"2026-01-01\"}"));
        created(http().postJson("/api/v1/programs", """
                {"programId":"CF1","name":"Cash flows","currency":"USD","targetAmount":"1000000000.00",
                 "maxDebtPct":"80","effectiveDate":"2026-01-01"}"""));
        created(post("/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD","effectiveDate":"2026-01-01"}"""));
        created(post("/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"60000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(post("/commitments", """
                {"investorId":"B","investorName":"Beta","amount":"40000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(post("/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"100000000.00","currency":"USD","purpose":"works",
                 "effectiveDate":"2026-01-15"}"""));
        created(post("/tranches", """
                {"trancheId":"T1","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"200000000.00",
                 "currency":"USD","baseRate":"SOFR","marginPct":"0","commitmentFeePct":"0",
                 "availabilityEnd":"2026-12-31","effectiveDate":"2026-02-01",
                 "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"200000000.00"}]}"""));
        created(post("/tranches/T1/draws", """
                {"drawId":"D1","amount":"200000000.00","currency":"USD","effectiveDate":"2026-03-01"}"""));
    }

    private HttpResponse<String> post(String path, String body) {
        return http().postJson(P + path, body);
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** 201 with the program's version as ETag (also in the body), the resource as Location, and a Ledger-Position. */
    private static void accepted(HttpResponse<String> response, String location) {
        created(response);
        JsonNode body = json(response);
        assertThat(body.get("aggregateId").asText()).isEqualTo("CF1");
        assertThat(response.headers().firstValue("ETag")).contains("\"" + body.get("version").asLong() + "\"");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(value ->
                assertThat(value).endsWith(location));
        assertThat(response.headers().firstValue("Ledger-Position")).hasValueSatisfying(value ->
                assertThat(Long.parseLong(value)).isPositive());
    }

    /** 422 with the code; its audit line is checked once the read models have caught up. */
    private void refused(String command, HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("code").asText()).isEqualTo(code);
        refusals.add(command + " " + code + " " + json(response).get("correlationId").asText() + " "
                + response.headers().firstValue("Ledger-Position").orElseThrow());
    }

    /** Compliance finds the refusal in the audit trail: its command, code, actor and correlation id. */
    private void checkAuditLine(String refusal) {
        String[] parts = refusal.split(" ");
        HttpResponse<String> page = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=CF1"
                + "&outcome=REJECTED&type=" + parts[0] + "&minPosition=" + parts[3]);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        json(page).get("entries").forEach(entry -> lines.add(entry.path("type").asText() + " "
                + entry.path("code").asText() + " " + entry.path("correlationId").asText() + " "
                + entry.path("position").asText() + " " + entry.path("actor").asText()));
        assertThat(lines).as(refusal).contains(refusal + " treasury");
    }

    private void invalid(String path, String body, String field) {
        HttpResponse<String> response = http().postJson(path, body);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as(response.body()).containsExactly(field);
    }

    /** The journal's entry of the period's WaterfallRun, as compliance exports it. */
    private JsonNode waterfallRun(String periodEnd) {
        HttpClientSupport compliance = http(TestUsers.COMPLIANCE);
        for (String line : compliance.get("/api/v1/journal/export").body().lines().toList()) {
            JsonNode entry = parse(line).get("entry");
            if (entry.path("type").asText().equals("WaterfallRun")
                    && entry.path("payload").path("periodEnd").asText().equals(periodEnd)) {
                return entry.get("payload");
            }
        }
        throw new AssertionError("no WaterfallRun of " + periodEnd + " in the journal");
    }

    private static String figures(JsonNode run) {
        StringBuilder out = new StringBuilder();
        out.append("cash ").append(money(run.get("cashAvailable"))).append(" cfads ").append(run.get("cfads").asText())
                .append(" dscr ").append(run.get("dscr").asText())
                .append(" passed ").append(run.get("distributionTest").get("passed").asBoolean())
                .append(" ").append(list(run.get("distributionTest").get("reasons")))
                .append(" distributed ").append(money(run.get("distributed"))).append(" steps");
        run.get("steps").forEach(step -> out.append(" ").append(step.get("step").asText()).append(" ")
                .append(money(step.get("due"))).append("/").append(money(step.get("paid"))).append("/")
                .append(money(step.get("shortfall"))));
        JsonNode dsra = run.get("dsra");
        out.append(" dsra ").append(money(dsra.get("opening"))).append("-").append(money(dsra.get("drawn")))
                .append("-").append(money(dsra.get("released"))).append("+").append(money(dsra.get("toppedUp")))
                .append("=").append(money(dsra.get("closing"))).append(" target ").append(money(dsra.get("target")));
        JsonNode lockUp = run.get("lockUp");
        out.append(" lockUp ").append(money(lockUp.get("opening"))).append("+").append(money(lockUp.get("trapped")))
                .append("-").append(money(lockUp.get("released"))).append("=").append(money(lockUp.get("closing")));
        out.append(" allocations");
        run.get("allocations").forEach(allocation -> out.append(" ").append(id(allocation.get("investorId")))
                .append(" ").append(money(allocation.get("amount"))));
        List<String> opened = new ArrayList<>();
        run.get("eventsOfDefault").forEach(eod -> opened.add(id(eod.get("id")) + " " + eod.get("reason").asText()));
        out.append(" eod ").append(opened);
        return out.toString();
    }

    /** Money as the journal writes it: a plain amount, or an object with the amount and its currency. */
    private static String money(JsonNode money) {
        return money.isObject() ? money.get("amount").asText() : money.asText();
    }

    private static String id(JsonNode id) {
        return id.isObject() ? id.get("value").asText() : id.asText();
    }

    private static String list(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(value -> out.add(value.asText()));
        return out.toString();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
