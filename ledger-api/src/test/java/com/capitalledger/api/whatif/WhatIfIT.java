package com.capitalledger.api.whatif;

import com.capitalledger.api.demo.StargateDemo;
import com.capitalledger.api.support.DemoHistory;
import com.capitalledger.api.support.GeneratedProgram;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if endpoint on a real ledger: with no change it answers exactly what the live read models answer (positions,
 * cash flows and returns); a removed event, a replaced valuation or a shifted base rate gives exactly what posting the
 * changed history to the ledger gives; an added command is refused with the live path's code and message. Own context: it posts its own
 * fixings.
 */
@TestPropertySource(properties = "ledger.test.context=what-if")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class WhatIfIT extends IntegrationTest {

    private static final List<String> DATES = List.of("2025-01-31", "2025-06-30", "2025-12-31", "2026-12-31");

    @Autowired
    private StargateDemo demo;

    @Autowired
    private CommandGateway commands;

    @BeforeAll
    void loadTheDemo() {
        demo.load(URI.create("http://localhost:" + port), TestUsers.TREASURY.basic());
        awaitReadModels();
    }

    private HttpResponse<String> whatIf(String programId, String body) {
        return new AnalystCalls(http(TestUsers.ANALYST)).whatIf(programId, body);
    }

    private JsonNode answered(String programId, String body) {
        return new AnalystCalls(http(TestUsers.ANALYST)).answered(programId, body);
    }

    private JsonNode positions(String programId, String asOf, String knownAt) {
        return new AnalystCalls(http(TestUsers.ANALYST)).positions(programId, asOf, knownAt);
    }

    private JsonNode document(String programId, String asOf, String knownAt) {
        return new AnalystCalls(http(TestUsers.ANALYST)).document(programId, asOf, knownAt);
    }

    private static String asOf(List<String> dates) {
        return "\"asOf\": [" + String.join(", ", dates.stream().map(d -> "\"" + d + "\"").toList()) + "]";
    }

    private void assertNoChangeEqualsTheReadModels(String programId, List<String> dates) {
        JsonNode result = answered(programId, "{" + asOf(dates) + "}");

        String knownAt = result.get("knownAt").asText();
        assertThat(result.get("changes")).isEmpty();
        assertThat(result.get("consequences")).isEmpty();
        assertThat(result.get("differences")).isEmpty();
        for (int i = 0; i < dates.size(); i++) {
            JsonNode live = document(programId, dates.get(i), knownAt);
            assertThat(result.get("base").get(i)).as("base as of " + dates.get(i)).isEqualTo(live);
            assertThat(result.get("scenario").get(i)).as("scenario as of " + dates.get(i)).isEqualTo(live);
        }
    }

    @Test
    void aWhatIfWithoutChangesAnswersWhatTheReadModelsAnswerForTheStargateDemo() {
        assertNoChangeEqualsTheReadModels("STARGATE", DATES);
    }

    @Test
    void aWhatIfWithoutChangesAnswersWhatTheReadModelsAnswerForAThousandEventProgram() {
        GeneratedProgram.post(commands, 20261128L, "GENERATED", "TERM-SOFR-1M", 1_000);
        awaitReadModels();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "GENERATED")).isEqualTo(1_000L);

        assertNoChangeEqualsTheReadModels("GENERATED", List.of("2024-03-31", "2024-09-30", "2025-03-31",
                "2025-09-30", "2026-03-31", "2027-12-31"));
    }

    /** The id of the STARGATE event the predicate picks, as the events listing gives it to analysts. */
    private String eventId(Predicate<JsonNode> pick) {
        HttpResponse<String> response = http(TestUsers.ANALYST).get("/api/v1/programs/STARGATE/events?limit=10000");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> picked = json(response).get("events").findParents("eventId").stream().filter(pick).toList();
        assertThat(picked).hasSize(1);
        return picked.get(0).get("eventId").asText();
    }

    private static boolean is(JsonNode entry, String type, String field, String value) {
        return entry.get("type").asText().equals(type)
                && (field == null || entry.get("event").get(field).get("value").asText().equals(value));
    }

    @ParameterizedTest(name = "removing {0}")
    @CsvSource({"a capital call, CapitalCalled, callId, CALL-2, /capital-calls, callId",
            "a draw, TrancheDrawn, drawId, D-1, /draws, drawId",
            "a repayment, TrancheRepaid, repaymentId, R-1, /repayments, repaymentId",
            "a repricing, TrancheRepriced, , , /repricings, "})
    void removingAnEventGivesWhatPostingTheHistoryWithoutItGives(String what, String type, String field, String value,
                                                                  String path, String bodyField) {
        String program = "WITHOUT-" + type.toUpperCase();
        DemoHistory.stargate().as(program, "SOFR")
                .without(step -> step.path().endsWith(path)
                        && (bodyField == null || step.body().get(bodyField).asText().equals(value)))
                .post(http(TestUsers.TREASURY));
        awaitReadModels();

        JsonNode result = answered("STARGATE", "{" + asOf(DATES) + ", \"changes\": [{\"op\": \"remove\", "
                + "\"eventId\": \"" + eventId(entry -> is(entry, type, field, value)) + "\"}]}");

        assertThat(result.get("changes").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(result.get("consequences")).isEmpty();
        assertThat(result.get("differences")).as(what + " made a difference").isNotEmpty();
        String knownAt = result.get("knownAt").asText();
        for (int i = 0; i < DATES.size(); i++) {
            assertThat(AnalystCalls.comparable(result.get("scenario").get(i)))
                    .as(what + ", as of " + DATES.get(i))
                    .isEqualTo(AnalystCalls.comparable(document(program, DATES.get(i), knownAt)));
        }
    }

    @Test
    void aReplacedValuationGivesTheReturnsThatPostingTheHistoryWithItGives() {
        String valuation = "{\"valuationDate\": \"2029-06-30\", \"equityValue\": \"15300000000.00\", "
                + "\"currency\": \"USD\", \"reason\": \"Q2 2029 valuation: a lower multiple\"}";
        DemoHistory.stargate().as("REVALUED", "SOFR")
                .without(step -> step.path().endsWith("/valuations")
                        && step.body().get("valuationDate").asText().equals("2029-06-30"))
                .post(http(TestUsers.TREASURY));
        HttpResponse<String> posted = http(TestUsers.TREASURY).postJson("/api/v1/programs/REVALUED/valuations",
                valuation);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        awaitReadModels();

        List<String> dates = List.of("2029-03-31", "2029-06-30", "2029-12-31");
        JsonNode result = answered("STARGATE", "{" + asOf(dates) + ", \"changes\": [{\"op\": \"replace\", "
                + "\"eventId\": \"" + eventId(entry -> entry.get("type").asText().equals("ValuationRecorded")
                && entry.get("event").get("valuationDate").asText().equals("2029-06-30")) + "\", \"command\": "
                + "{\"type\": \"record-valuation\", " + valuation.substring(1) + "}]}");

        assertThat(result.get("changes").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(result.get("consequences")).isEmpty();
        String knownAt = result.get("knownAt").asText();
        for (int i = 0; i < dates.size(); i++) {
            assertThat(AnalystCalls.comparable(result.get("scenario").get(i))).as("as of " + dates.get(i))
                    .isEqualTo(AnalystCalls.comparable(document("REVALUED", dates.get(i), knownAt)));
        }
        // Only NAV moves, from 2029-06-30 on: SoftBank's share of 15,300,000,000.00 pro rata to paid-in is
        // 5,814,000,000.00 (was 7,181,999,999.99 of 18,900,000,000.00); with 1,281,301,248.04 distributed on
        // 6,016,666,666.66 contributed, TVPI 1.1793 and IRR 4.2934 % (was 1.4066 and 9.0054 %, as demo_expected.py
        // finds them).
        assertThat(result.get("differences")).extracting(d -> d.get("asOf").asText())
                .doesNotContain("2029-03-31");
        assertThat(differenceOf(result, "2029-06-30", "returns.investors[SOFTBANK].nav"))
                .isEqualTo("7181999999.99,5814000000.00,-1367999999.99");
        assertThat(differenceOf(result, "2029-06-30", "returns.investors[SOFTBANK].tvpi"))
                .isEqualTo("1.4066,1.1793,-0.2273");
        assertThat(differenceOf(result, "2029-06-30", "returns.investors[SOFTBANK].irrPct"))
                .isEqualTo("9.0054,4.2934,-4.7120");
        assertThat(differenceOf(result, "2029-06-30", "returns.program.tvpi")).isEqualTo("1.4066,1.1793,-0.2273");
        assertThat(result.get("differences").findValuesAsText("path")).allMatch(path -> path.startsWith("returns."));
    }

    @Test
    void aRateShiftGivesTheInterestThatPostingTheShiftedFixingsGives() {
        LocalDate from = LocalDate.parse("2025-07-15");
        DemoHistory.stargate().as("ON-6M", "TERM-SOFR-6M").post(http(TestUsers.TREASURY));
        DemoHistory.stargate().as("ON-12M-SHIFTED", "TERM-SOFR-12M").withFixingsShifted(from, 175)
                .post(http(TestUsers.TREASURY));
        awaitReadModels();

        JsonNode result = answered("ON-6M", "{" + asOf(DATES) + ", \"changes\": [{\"op\": \"shiftRate\", "
                + "\"baseRate\": \"TERM-SOFR-6M\", \"from\": \"" + from + "\", \"bps\": 175}]}");

        String knownAt = result.get("knownAt").asText();
        for (int i = 0; i < DATES.size(); i++) {
            JsonNode posted = positions("ON-12M-SHIFTED", DATES.get(i), knownAt);
            JsonNode scenario = result.get("scenario").get(i);
            for (int t = 0; t < posted.get("tranches").size(); t++) {
                for (String figure : List.of("accruedInterest", "baseRatePct", "allInRatePct", "accruedCommitmentFee")) {
                    assertThat(scenario.get("tranches").get(t).get(figure))
                            .as(figure + " of tranche " + t + " as of " + DATES.get(i))
                            .isEqualTo(posted.get("tranches").get(t).get(figure));
                }
            }
            assertThat(scenario.get("debtTotals")).isEqualTo(posted.get("debtTotals"));
        }
        assertThat(result.get("differences").findValuesAsText("path")).contains(
                "tranches[SENIOR-A].accruedInterest", "tranches[MEZZ-A].accruedInterest", "debtTotals.accruedInterest");
    }

    @Test
    void anAddedCommandThatBreaksARuleIsRefusedWithTheLivePathsCodeAndMessage() {
        // After the demo's last payment date, so the added command is decided last, where the live one would be.
        String repayment = "{\"repaymentId\": \"R-TOO-MUCH\", \"amount\": \"875000000.01\", \"currency\": \"USD\", "
                + "\"effectiveDate\": \"2029-07-02\"}";
        JsonNode result = answered("STARGATE", "{\"changes\": [{\"op\": \"add\", \"command\": {\"type\": \"repay\", "
                + "\"trancheId\": \"MEZZ-A\", " + repayment.substring(1) + "}]}");

        HttpResponse<String> live = http(TestUsers.TREASURY)
                .postJson("/api/v1/programs/STARGATE/tranches/MEZZ-A/repayments", repayment);
        assertThat(live.statusCode()).isEqualTo(422);
        JsonNode outcome = result.get("changes").get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(outcome.get("code").asText()).isEqualTo("REPAYMENT_EXCEEDS_OUTSTANDING")
                .isEqualTo(json(live).get("code").asText());
        assertThat(outcome.get("message").asText()).isEqualTo(json(live).get("detail").asText());
        assertThat(result.get("differences")).isEmpty();
    }

    @Test
    void recordedEventsTheBranchRefusesAreListedAsConsequencesWithTheirCodes() {
        JsonNode result = answered("STARGATE", WhatIfController.COVENANT_BREACH);

        assertThat(result.get("changes").findValuesAsText("outcome")).containsExactly("ACCEPTED", "REJECTED");
        assertThat(result.get("changes").get(1).get("code").asText()).isEqualTo("GEARING_COVENANT_BREACH");
        assertThat(result.get("changes").get(1).get("message").asText()).isEqualTo("draw 10,000,000,000.00 USD would "
                + "bring debt to 50,000,000,000.00 USD against paid-in equity 5,000,000,000.00 USD: 90.909091% of "
                + "capitalisation, above the maximum 90%");
        // Both recorded senior draws are refused: the tranche is drawn in full already.
        assertThat(result.get("consequences")).hasSize(2);
        JsonNode august = result.get("consequences").get(0);
        assertThat(august.get("eventId").asText()).isEqualTo(eventId(entry -> is(entry, "TrancheDrawn", "drawId", "D-3")));
        assertThat(august.get("type").asText()).isEqualTo("TrancheDrawn");
        assertThat(august.get("effectiveDate").asText()).isEqualTo("2025-08-01");
        assertThat(august.get("code").asText()).isEqualTo("COMMITMENT_EXCEEDED");
        assertThat(august.get("message").asText()).isEqualTo("draw 8,000,000,000.00 USD on SENIOR-A would bring "
                + "drawn to 48,000,000,000.00 USD, commitment 40,000,000,000.00 USD");
        JsonNode june = result.get("consequences").get(1);
        assertThat(june.get("eventId").asText()).isEqualTo(eventId(entry -> is(entry, "TrancheDrawn", "drawId", "D-4")));
        assertThat(june.get("effectiveDate").asText()).isEqualTo("2026-06-01");
        assertThat(june.get("code").asText()).isEqualTo("COMMITMENT_EXCEEDED");
    }

    @Test
    void theDifferencesComeAsCsvWhenAsked() {
        HttpResponse<String> response = http(TestUsers.ANALYST).postRaw("/api/v1/programs/STARGATE/what-if",
                WhatIfController.SOFR_SHOCK, "Content-Type", "application/json", "Accept", "text/csv");
        JsonNode same = answered("STARGATE", WhatIfController.SOFR_SHOCK);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("asOf,path,base,scenario,delta");
        assertThat(lines).hasSize(same.get("differences").size() + 1).contains(
                "2026-12-31,tranches[SENIOR-A].accruedInterest,"
                        + differenceOf(same, "tranches[SENIOR-A].accruedInterest"));
    }

    private static String differenceOf(JsonNode result, String path) {
        return differenceOf(result, "2026-12-31", path);
    }

    private static String differenceOf(JsonNode result, String asOf, String path) {
        for (JsonNode difference : result.get("differences")) {
            if (difference.get("path").asText().equals(path) && difference.get("asOf").asText().equals(asOf)) {
                return difference.get("base").asText() + "," + difference.get("scenario").asText() + ","
                        + difference.get("delta").asText("");
            }
        }
        throw new AssertionError("no difference at " + path + " as of " + asOf);
    }

    @Test
    void aMonthlyScheduleReportsEveryMonthEnd() {
        JsonNode result = answered("STARGATE", "{\"schedule\": {\"from\": \"2025-01-31\", \"to\": \"2025-12-31\", "
                + "\"every\": \"P1M\"}}");

        List<String> dates = new ArrayList<>();
        result.get("base").forEach(side -> dates.add(side.get("asOf").asText()));
        assertThat(dates).containsExactly("2025-01-31", "2025-02-28",
                "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30",
                "2025-10-31", "2025-11-30", "2025-12-31");
    }

    /**
     * The what-ifs docs/what-if.md shows with curl, run as shown, give the figures and codes it says they give; the
     * README's tour shows the first of them.
     */
    @Test
    void theDocumentedWhatIfsAnswerAsTheDocsSay() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "what-if.md"));
        Pattern whatIf = Pattern.compile("/what-if -H 'Content-Type: application/json' -d '([^']*)'");
        Matcher curl = whatIf.matcher(page);
        List<String> requests = new ArrayList<>();
        while (curl.find()) {
            requests.add(curl.group(1));
        }
        assertThat(requests).hasSize(2);
        Matcher tour = whatIf.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(tour.find()).as("the README's tour shows a what-if").isTrue();
        assertThat(tour.group(1)).isEqualTo(requests.get(0));
        List<JsonNode> results = requests.stream().map(request -> answered("STARGATE", request)).toList();

        JsonNode shock = results.get(0);
        assertThat(differenceOf(shock, "2029-06-30", "tranches[SENIOR-A].accruedInterest"))
                .isEqualTo("5908622083.33,7257580416.67,1348958333.34");
        assertThat(differenceOf(shock, "2029-06-30", "cashFlows.periods[2028-03-31].waterfall.dscr"))
                .isEqualTo("1.2917,1.0520,-0.2397");
        assertThat(differenceOf(shock, "2029-06-30", "cashFlows.periods[2028-03-31].waterfall.distributionTest.passed"))
                .isEqualTo("true,false,");
        assertThat(differenceOf(shock, "2029-06-30", "cashFlows.periods[2028-06-30].waterfall.dscr"))
                .isEqualTo("1.2527,0.9265,-0.3262");
        assertThat(differenceOf(shock, "2029-06-30", "investors[SOFTBANK].distributed"))
                .isEqualTo("1281301248.04,422543734.14,-858757513.90");
        // The returns' differences name each investor's figures; the base is the demo's own (demo_expected.py).
        assertThat(differenceOf(shock, "2029-06-30", "returns.investors[SOFTBANK].irrPct"))
                .isEqualTo("9.0054,5.9267,-3.0787");
        assertThat(differenceOf(shock, "2029-06-30", "returns.investors[SOFTBANK].tvpi"))
                .isEqualTo("1.4066,1.2639,-0.1427");
        assertThat(differenceOf(shock, "2029-06-30", "returns.program.tvpi")).isEqualTo("1.4066,1.2639,-0.1427");
        JsonNode scenario = shock.get("scenario").get(0).get("cashFlows");
        assertThat(scenario.get("eventsOfDefault").findValuesAsText("id")).contains("EOD-2028-03-31-PAYMENT",
                "EOD-2028-06-30-DSCR");
        List<String> fromTheShortfall = new ArrayList<>();
        for (JsonNode period : scenario.get("periods")) {
            String end = period.get("periodEnd").asText();
            if (end.compareTo("2028-03-31") >= 0 && end.compareTo("2029-03-31") <= 0) {
                fromTheShortfall.add(period.get("waterfall").get("distributed").asText());
            }
        }
        assertThat(fromTheShortfall).as("five quarters without distribution, Q1 2028 to Q1 2029")
                .containsExactly("0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(page).contains("5,908,622,083.33 → 7,257,580,416.67", "1.2917 → 1.0520", "(0.9265)",
                "422,543,734.14 instead of 1,281,301,248.04", "5.9267 %");

        JsonNode covenant = results.get(1);
        assertThat(covenant.get("changes").findValuesAsText("outcome")).containsExactly("ACCEPTED", "REJECTED");
        assertThat(covenant.get("changes").get(1).get("code").asText()).isEqualTo("GEARING_COVENANT_BREACH");
        assertThat(covenant.get("changes").get(1).get("message").asText()).contains("90.909091% of capitalisation");
        assertThat(covenant.get("consequences").findValuesAsText("code"))
                .containsExactly("COMMITMENT_EXCEEDED", "COMMITMENT_EXCEEDED");
        assertThat(page).contains("90.909091%", "`GEARING_COVENANT_BREACH`", "`D-3` and the June 2026 draw `D-4`",
                "(`COMMITMENT_EXCEEDED`");
    }

    @Test
    void aSavedScenarioIsListedAndRunsAgainstTheLedgerAsItIsNow() {
        String body = "{\"name\": \"SOFR shock\", \"programId\": \"STARGATE\", \"request\": "
                + WhatIfController.SOFR_SHOCK + "}";
        HttpResponse<String> saved = http(TestUsers.ANALYST).postJson("/api/v1/scenarios", body,
                "Idempotency-Key", "save-sofr-shock");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String id = json(saved).get("scenarioId").asText();
        assertThat(saved.headers().firstValue("Location")).contains("/api/v1/scenarios/" + id);
        assertThat(json(saved).get("createdBy").asText()).isEqualTo("analyst");
        HttpResponse<String> again = http(TestUsers.ANALYST).postJson("/api/v1/scenarios", body,
                "Idempotency-Key", "save-sofr-shock");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(saved.body());

        JsonNode listed = json(http(TestUsers.COMPLIANCE).get("/api/v1/scenarios?programId=STARGATE"));
        assertThat(listed.get("scenarios")).filteredOn(scenario -> scenario.get("scenarioId").asText().equals(id))
                .singleElement().isEqualTo(json(saved));
        assertThat(json(http(TestUsers.ADMIN).get("/api/v1/scenarios/" + id))).isEqualTo(json(saved));

        HttpResponse<String> run = http(TestUsers.TREASURY).postRaw("/api/v1/scenarios/" + id + "/run", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode direct = answered("STARGATE", WhatIfController.SOFR_SHOCK);
        assertThat(json(run).get("differences")).isEqualTo(direct.get("differences")).isNotEmpty();
        assertThat(json(run).get("changes")).isEqualTo(direct.get("changes"));
        HttpResponse<String> csv = http(TestUsers.ANALYST).postRaw("/api/v1/scenarios/" + id + "/run", "",
                "Accept", "text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(direct.get("differences").size() + 1L);
    }

    @Test
    void aScenarioIsRefusedWithAClearCodeWhenItCannotBeSavedOrFound() {
        assertProblem(http(TestUsers.ANALYST).postJson("/api/v1/scenarios", "{\"name\": \"twice\", "
                + "\"programId\": \"STARGATE\", \"request\": {}}"), 201, null);
        assertProblem(http(TestUsers.ANALYST).postJson("/api/v1/scenarios", "{\"name\": \"twice\", "
                + "\"programId\": \"STARGATE\", \"request\": {}}"), 409, "SCENARIO_EXISTS");
        HttpResponse<String> pinned = http(TestUsers.ANALYST).postJson("/api/v1/scenarios", "{\"name\": \"pinned\", "
                + "\"programId\": \"STARGATE\", \"request\": {\"knownAt\": \"2026-01-01T00:00:00Z\"}}");
        assertProblem(pinned, 400, "VALIDATION_FAILED");
        assertThat(json(pinned).get("errors").findValuesAsText("field")).containsExactly("request.knownAt");
        HttpResponse<String> badCommand = http(TestUsers.ANALYST).postJson("/api/v1/scenarios", "{\"name\": \"bad\", "
                + "\"programId\": \"STARGATE\", \"request\": {\"changes\": [{\"op\": \"add\", \"command\": "
                + "{\"type\": \"draw\", \"trancheId\": \"SENIOR-A\", \"drawId\": \"D\", \"amount\": \"1\", "
                + "\"currency\": \"USD\", \"effectiveDate\": \"2026-01-01\"}}]}}");
        assertProblem(badCommand, 400, "VALIDATION_FAILED");
        assertThat(json(badCommand).get("errors").findValuesAsText("field"))
                .containsExactly("request.changes[0].command.amount");
        assertProblem(http(TestUsers.ANALYST).postRaw("/api/v1/scenarios", "{\"name\": \"no key\", "
                + "\"programId\": \"STARGATE\", \"request\": {}}", "Content-Type", "application/json"),
                400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(http(TestUsers.ANALYST).get("/api/v1/scenarios/5a1c9e1e-0000-4000-8000-000000000000"),
                404, "UNKNOWN_SCENARIO");
        assertProblem(http(TestUsers.ANALYST).postRaw("/api/v1/scenarios/not-a-scenario/run", ""),
                400, "INVALID_PARAMETER");
        assertProblem(http(TestUsers.ANALYST).get("/api/v1/scenarios?programId=bad%20id"), 400, "INVALID_PARAMETER");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).get("code").asText()).isEqualTo(code);
        }
    }
}
