package com.capitalledger.api.web;

import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OpenApiConformance;
import com.capitalledger.api.support.OperatingProgram;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every answer the service gives is what its OpenAPI document declares for the operation: status, content type,
 * headers, and the body's exact shape (see {@link OpenApiConformance}). A program is built through every command,
 * then every query, export, administration and what-if operation is called, each with its success and its usual
 * refusals; the last test checks that every operation of the document answered a success at least once, so an
 * operation added to the API has to be added here. Shares its context with {@code GeneratedClientIT}.
 */
@TestPropertySource(properties = "ledger.test.context=openapi-contract")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WireMatchesDocumentIT extends IntegrationTest {

    private static final String P = "/api/v1/programs/WIRE";
    private static final String RATE = "TERM-SOFR-1M";

    private OpenApiConformance document;
    /** The first command's answer: a fixing, read back by its Location. */
    private HttpResponse<String> fixing;
    private final List<String> mismatches = new ArrayList<>();
    private final Set<String> succeeded = new TreeSet<>();

    @BeforeAll
    void readTheDocument() {
        document = new OpenApiConformance(json(http().get("/v3/api-docs")));
    }

    /** Checks the answer against the document and returns it. */
    private HttpResponse<String> checked(String method, String template, HttpResponse<String> response) {
        mismatches.addAll(document.check(method, template, response));
        if (response.statusCode() / 100 == 2) {
            succeeded.add(method + " " + template);
        }
        return response;
    }

    private HttpResponse<String> post(TestUsers user, String template, String path, String body, String... headers) {
        return checked("POST", template, http(user).postJson(path, body, headers));
    }

    private HttpResponse<String> get(TestUsers user, String template, String path, String... headers) {
        return checked("GET", template, http(user).get(path, headers));
    }

    private HttpResponse<String> delete(TestUsers user, String template, String path) {
        return checked("DELETE", template, http(user).delete(path));
    }

    private HttpResponse<String> command(String template, String path, String body) {
        HttpResponse<String> response = post(TestUsers.TREASURY, template, path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return response;
    }

    private void readModelsCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> readModels.status().stream()
                .allMatch(status -> status.state() == ReadModelStatus.State.LIVE
                        && status.position() >= status.head()));
    }

    private static String code(HttpResponse<String> response) {
        return json(response).path("code").asText();
    }

    @Test
    @Order(1)
    void everyCommandAnswersAsDeclared() {
        fixing = command("/api/v1/base-rates/{rateName}/fixings", "/api/v1/base-rates/" + RATE + "/fixings",
                "{\"ratePct\":\"4.30000\",\"effectiveDate\":\"2025-01-01\"}");
        String program = """
                {"programId":"WIRE","name":"Wire","currency":"USD","targetAmount":"1000000000.00","maxDebtPct":"80",
                 "effectiveDate":"2025-01-01"}""";
        HttpResponse<String> created = post(TestUsers.TREASURY, "/api/v1/programs", "/api/v1/programs", program,
                "Idempotency-Key", "wire-program", "X-Correlation-Id", "wire-1");
        HttpResponse<String> replayed = post(TestUsers.TREASURY, "/api/v1/programs", "/api/v1/programs", program,
                "Idempotency-Key", "wire-program");
        HttpResponse<String> reused = post(TestUsers.TREASURY, "/api/v1/programs", "/api/v1/programs",
                program.replace("Wire", "Other"), "Idempotency-Key", "wire-program");
        command("/api/v1/programs/{programId}/phases", P + "/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""");
        command("/api/v1/programs/{programId}/commitments", P + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"60000000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""");
        command("/api/v1/programs/{programId}/commitments", P + "/commitments", """
                {"investorId":"B","investorName":"Beta","amount":"30000000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""");
        command("/api/v1/programs/{programId}/commitments/{investorId}/increase", P + "/commitments/A/increase",
                "{\"amount\":\"1000000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}");
        command("/api/v1/programs/{programId}/commitments/{investorId}/reduce", P + "/commitments/A/reduce",
                "{\"amount\":\"500000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}");
        command("/api/v1/programs/{programId}/commitments/{investorId}/transfers", P + "/commitments/A/transfers",
                "{\"toInvestorId\":\"B\",\"amount\":\"500000.00\",\"currency\":\"USD\","
                        + "\"effectiveDate\":\"2025-01-02\"}");
        command("/api/v1/programs/{programId}/capital-calls", P + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"10000000.00","currency":"USD","purpose":"land",
                 "effectiveDate":"2025-02-01"}""");
        command("/api/v1/programs/{programId}/capital-calls/{callId}/defaults", P + "/capital-calls/C1/defaults",
                "{\"investorId\":\"B\",\"effectiveDate\":\"2025-02-02\"}");
        command("/api/v1/programs/{programId}/capital-calls/{callId}/defaults/{investorId}/cure",
                P + "/capital-calls/C1/defaults/B/cure", "{\"effectiveDate\":\"2025-02-03\"}");
        command("/api/v1/programs/{programId}/commitments/{investorId}/cancel", P + "/commitments/B/cancel",
                "{\"effectiveDate\":\"2025-02-03\"}");
        String tranche = """
                {"trancheId":"%s","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"50000000.00",
                 "currency":"USD","baseRate":"%s","marginPct":"2.0000","commitmentFeePct":"0.5000",
                 "availabilityEnd":"2026-12-31","effectiveDate":"2025-02-03",
                 "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"50000000.00"}]}""";
        command("/api/v1/programs/{programId}/tranches", P + "/tranches", tranche.formatted("T1", RATE));
        // A tranche on a rate never fixed here: its base and all-in rates are null.
        command("/api/v1/programs/{programId}/tranches", P + "/tranches", tranche.formatted("T2", "TERM-SOFR-12M"));
        command("/api/v1/programs/{programId}/tranches/{trancheId}/draws", P + "/tranches/T1/draws",
                "{\"drawId\":\"D1\",\"amount\":\"1000000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-03-01\"}");
        command("/api/v1/programs/{programId}/tranches/{trancheId}/repayments", P + "/tranches/T1/repayments",
                "{\"repaymentId\":\"R1\",\"amount\":\"500000.00\",\"currency\":\"USD\","
                        + "\"effectiveDate\":\"2025-04-01\"}");
        HttpResponse<String> repriced = command("/api/v1/programs/{programId}/tranches/{trancheId}/repricings",
                P + "/tranches/T1/repricings", "{\"newMarginPct\":\"2.5000\",\"effectiveDate\":\"2025-05-01\"}");

        String draw = "/api/v1/programs/{programId}/tranches/{trancheId}/draws";
        HttpResponse<String> beyond = post(TestUsers.TREASURY, draw, P + "/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":\"49500000.01\",\"currency\":\"USD\",\"effectiveDate\":\"2025-06-01\"}");
        HttpResponse<String> noProgram = post(TestUsers.TREASURY, draw, "/api/v1/programs/NOWHERE/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-06-01\"}");
        HttpResponse<String> malformed = post(TestUsers.TREASURY, draw, P + "/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":\"1.5\",\"currency\":\"USDX\",\"effectiveDate\":\"2025-06-01\"}");
        HttpResponse<String> asNumber = post(TestUsers.TREASURY, draw, P + "/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":1.50,\"currency\":\"USD\",\"effectiveDate\":\"2025-06-01\"}");
        HttpResponse<String> keyless = checked("POST", draw, http().postRaw(P + "/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-06-01\"}",
                "Content-Type", "application/json"));
        HttpResponse<String> stale = post(TestUsers.TREASURY, draw, P + "/tranches/T1/draws",
                "{\"drawId\":\"D2\",\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-06-01\"}",
                "If-Match", "\"1\"");
        HttpResponse<String> anonymous = checked("POST", draw, anonymous().postJson(P + "/tranches/T1/draws", "{}"));
        HttpResponse<String> analyst = post(TestUsers.ANALYST, draw, P + "/tranches/T1/draws", "{}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/programs/WIRE");
        assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue("wire-1");
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(code(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(repriced.headers().firstValue("ETag")).hasValue("\"15\"");
        assertThat(beyond.statusCode()).isEqualTo(422);
        assertThat(code(beyond)).isEqualTo("COMMITMENT_EXCEEDED");
        assertThat(noProgram.statusCode()).isEqualTo(404);
        assertThat(code(noProgram)).isEqualTo("NO_PROGRAM");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("amount", "currency");
        assertThat(asNumber.statusCode()).isEqualTo(400);
        assertThat(code(asNumber)).isEqualTo("MALFORMED_REQUEST");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(code(keyless)).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("VERSION_MISMATCH");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(analyst.statusCode()).isEqualTo(403);

        // Operations, last: the waterfall has no revenue, falls short and opens the event of default waived here.
        command("/api/v1/programs/{programId}/operating-terms", P + "/operating-terms", """
                {"operationsStart":"2025-06-01","periodMonths":3,"lockUpDscr":"1.2000","defaultDscr":"1.0500",
                 "dsraPeriods":1,"effectiveDate":"2025-05-01"}""");
        command("/api/v1/programs/{programId}/tranches/{trancheId}/repayment-schedule",
                P + "/tranches/T1/repayment-schedule", """
                {"installments":[{"dueDate":"2025-07-01","pct":"50"},{"dueDate":"2025-10-01","pct":"50"}],
                 "effectiveDate":"2025-05-01"}""");
        command("/api/v1/programs/{programId}/operating-cash-flows", P + "/operating-cash-flows", """
                {"periodEnd":"2025-06-30","revenue":"0.00","operatingCosts":"0.00","taxes":"0.00",
                 "maintenanceCapex":"0.00","currency":"USD"}""");
        command("/api/v1/programs/{programId}/waterfalls", P + "/waterfalls", "{\"periodEnd\":\"2025-06-30\"}");
        command("/api/v1/programs/{programId}/events-of-default/{eventOfDefaultId}/waiver",
                P + "/events-of-default/EOD-2025-06-30-PAYMENT/waiver",
                "{\"effectiveDate\":\"2025-07-02\",\"reason\":\"Lenders' waiver\"}");
        command("/api/v1/programs/{programId}/valuations", P + "/valuations",
                "{\"valuationDate\":\"2025-06-30\",\"equityValue\":\"12000000.00\",\"currency\":\"USD\"}");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(2)
    void everyQueryAnswersAsDeclared() {
        readModelsCaughtUp();
        TestUsers a = TestUsers.ANALYST;
        HttpResponse<String> program = get(a, "/api/v1/programs/{programId}", P);
        assertThat(json(get(a, "/api/v1/me", "/api/v1/me")).get("roles").toString()).isEqualTo("[\"ANALYST\"]");
        HttpResponse<String> unknown = get(a, "/api/v1/programs/{programId}", "/api/v1/programs/NOWHERE");
        HttpResponse<String> positions = get(a, "/api/v1/programs/{programId}/positions",
                P + "/positions?asOf=2025-12-31");
        HttpResponse<String> unreadable = get(a, "/api/v1/programs/{programId}/positions", P + "/positions?asOf=soon");
        get(a, "/api/v1/programs/{programId}/investors/{investorId}", P + "/investors/A?asOf=2025-12-31");
        get(a, "/api/v1/programs/{programId}/cash-flows", P + "/cash-flows?asOf=2025-12-31");
        get(a, "/api/v1/programs/{programId}/distributions", P + "/distributions?asOf=2025-12-31");
        HttpResponse<String> returns = get(a, "/api/v1/programs/{programId}/returns", P + "/returns?asOf=2025-12-31");
        get(a, "/api/v1/programs/{programId}/capital-accounts", P + "/capital-accounts?from=2025-01-01&to=2025-12-31");
        String account = "/api/v1/programs/{programId}/investors/{investorId}/capital-account";
        get(a, account, P + "/investors/A/capital-account?from=2025-01-01&to=2025-12-31");
        HttpResponse<String> accountCsv = get(a, account, P + "/investors/A/capital-account?to=2025-12-31",
                "Accept", "text/csv");
        get(a, "/api/v1/programs/{programId}/investors/{investorId}/documents", P + "/investors/A/documents");
        get(a, "/api/v1/programs/{programId}/capital-calls/{callId}/notices/{investorId}",
                P + "/capital-calls/C1/notices/A");
        String distributionNotice = "/api/v1/programs/{programId}/distributions/{paymentDate}/notices/{investorId}";
        HttpResponse<String> noDistribution = get(a, distributionNotice, P + "/distributions/2025-07-01/notices/A");
        // WIRE's one waterfall distributes nothing: a program in operations whose first waterfall does.
        OperatingProgram.seed(http(TestUsers.TREASURY), "WIRE-OPS");
        await().atMost(Duration.ofSeconds(30)).until(() -> get(a, distributionNotice,
                "/api/v1/programs/WIRE-OPS/distributions/2026-10-01/notices/A").statusCode() == 200);
        HttpResponse<String> noInvestor = get(a, "/api/v1/programs/{programId}/investors/{investorId}",
                P + "/investors/Z?asOf=2025-12-31");
        HttpResponse<String> unfixed = get(a, "/api/v1/programs/{programId}/tranches/{trancheId}",
                P + "/tranches/T2?asOf=2025-12-31");
        get(a, "/api/v1/programs/{programId}/tranches/{trancheId}", P + "/tranches/T1?asOf=2025-12-31");
        get(a, "/api/v1/programs/{programId}/capital-calls/{callId}", P + "/capital-calls/C1?asOf=2025-12-31");
        HttpResponse<String> events = get(a, "/api/v1/programs/{programId}/events", P + "/events?limit=3");
        String fixingTemplate = "/api/v1/base-rates/{rateName}/fixings/{effectiveDate}";
        HttpResponse<String> fixed = get(a, fixingTemplate, fixing.headers().firstValue("Location").orElseThrow(),
                "Ledger-Min-Position", fixing.headers().firstValue("Ledger-Position").orElseThrow());
        HttpResponse<String> noFixing = get(a, fixingTemplate, "/api/v1/base-rates/" + RATE + "/fixings/2025-01-02");
        HttpResponse<String> unknownRate = get(a, fixingTemplate, "/api/v1/base-rates/LIBOR/fixings/2025-01-01");

        assertThat(program.statusCode()).isEqualTo(200);
        assertThat(json(program).get("targetAmount").asText()).isEqualTo("1000000000.00");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("NO_PROGRAM");
        assertThat(json(positions).at("/capitalisation/paidInEquity").asText()).isEqualTo("10000000.00");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(code(noInvestor)).isEqualTo("UNKNOWN_INVESTOR");
        assertThat(json(unfixed).get("baseRatePct").isNull()).isTrue();
        assertThat(json(events).get("nextPosition").asInt()).isEqualTo(3);
        assertThat(fixing.headers().firstValue("Location")).hasValue("/api/v1/base-rates/" + RATE
                + "/fixings/2025-01-01");
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(json(fixed).get("ratePct").asText()).isEqualTo("4.30000");
        assertThat(code(noFixing)).isEqualTo("UNKNOWN_FIXING");
        assertThat(code(unknownRate)).isEqualTo("UNKNOWN_BASE_RATE");
        assertThat(json(returns).at("/program/navBasis").asText()).isEqualTo("VALUATION");
        assertThat(accountCsv.body()).startsWith("programId,investorId,from,to,knownAt,beginningNav,");
        assertThat(code(noDistribution)).isEqualTo("UNKNOWN_DISTRIBUTION");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(3)
    void theAuditTrailAndTheAdministrationAnswerAsDeclared() {
        readModelsCaughtUp();
        TestUsers c = TestUsers.COMPLIANCE;
        HttpResponse<String> page = get(c, "/api/v1/audit/entries", "/api/v1/audit/entries?programId=WIRE&limit=5");
        HttpResponse<String> refused = get(c, "/api/v1/audit/entries",
                "/api/v1/audit/entries?programId=WIRE&outcome=REJECTED");
        HttpResponse<String> export = get(c, "/api/v1/audit/entries/export",
                "/api/v1/audit/entries/export?programId=WIRE", "Accept", "text/csv, application/problem+json");
        HttpResponse<String> badOutcome = get(c, "/api/v1/audit/entries/export",
                "/api/v1/audit/entries/export?outcome=MAYBE", "Accept", "text/csv, application/problem+json");
        HttpResponse<String> pageAsCsv = get(c, "/api/v1/audit/entries", "/api/v1/audit/entries?programId=WIRE",
                "Accept", "text/csv");
        HttpResponse<String> exportAsJson = get(c, "/api/v1/audit/entries/export",
                "/api/v1/audit/entries/export?programId=WIRE", "Accept", "application/json");
        HttpResponse<String> consistency = post(c, "/api/v1/admin/consistency-check", "/api/v1/admin/consistency-check",
                "");
        get(TestUsers.ADMIN, "/api/v1/admin/read-models", "/api/v1/admin/read-models");
        get(TestUsers.ADMIN, "/api/v1/admin/read-models/{name}", "/api/v1/admin/read-models/tranches");
        HttpResponse<String> noReadModel = get(TestUsers.ADMIN, "/api/v1/admin/read-models/{name}",
                "/api/v1/admin/read-models/ledger");
        HttpResponse<String> rebuild = post(TestUsers.ADMIN, "/api/v1/admin/read-models/{name}/rebuild",
                "/api/v1/admin/read-models/audit-trail/rebuild", "");
        // Rebuilding or rebuilt: 503 with Retry-After or 200, both as declared.
        HttpResponse<String> meanwhile = get(c, "/api/v1/audit/entries", "/api/v1/audit/entries?programId=WIRE");
        readModelsCaughtUp();

        assertThat(page.headers().firstValue("X-Next-Cursor")).hasValue(json(page).get("nextCursor").asText());
        // The ledger's own refusal among those it did not decide: the reused key, the stale If-Match, the analyst's.
        assertThat(json(refused).get("entries")).extracting(entry -> entry.get("code").asText())
                .containsExactly("IDEMPOTENCY_KEY_REUSED", "COMMITMENT_EXCEEDED", "VERSION_MISMATCH", "FORBIDDEN");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().count()).isEqualTo(1 + jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE program_id = 'WIRE'", Long.class));
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(pageAsCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(pageAsCsv.body().lines().count()).isEqualTo(export.body().lines().count());
        assertThat(exportAsJson.statusCode()).isEqualTo(406);
        assertThat(code(exportAsJson)).isEqualTo("NOT_ACCEPTABLE");
        assertThat(json(consistency).get("differenceCount").asLong()).isZero();
        assertThat(noReadModel.statusCode()).isEqualTo(404);
        assertThat(code(noReadModel)).isEqualTo("UNKNOWN_READ_MODEL");
        assertThat(rebuild.statusCode()).isEqualTo(202);
        assertThat(meanwhile.statusCode()).isIn(200, 503);
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(4)
    void whatIfsAndScenariosAnswerAsDeclared() {
        readModelsCaughtUp();
        TestUsers a = TestUsers.ANALYST;
        String whatIf = "/api/v1/programs/{programId}/what-if";
        String shift = """
                {"asOf": ["2025-12-31"], "changes": [{"op": "shiftRate", "baseRate": "%s", "from": "2025-06-01",
                 "bps": 100}]}""".formatted(RATE);
        HttpResponse<String> json = post(a, whatIf, P + "/what-if", shift);
        HttpResponse<String> csv = post(a, whatIf, P + "/what-if", shift, "Accept", "text/csv");
        HttpResponse<String> noProgram = post(a, whatIf, "/api/v1/programs/NOWHERE/what-if", "{}");
        HttpResponse<String> invalidChange = post(a, whatIf, P + "/what-if",
                "{\"changes\": [{\"op\": \"remove\", \"eventId\": \"00000000-0000-0000-0000-000000000000\"}]}");
        HttpResponse<String> tooLarge = post(a, whatIf, P + "/what-if", "{\"pad\": \"" + "x".repeat(1 << 20) + "\"}");
        String scenario = "{\"name\": \"wire\", \"programId\": \"WIRE\", \"request\": " + shift + "}";
        HttpResponse<String> saved = post(a, "/api/v1/scenarios", "/api/v1/scenarios", scenario);
        HttpResponse<String> again = post(a, "/api/v1/scenarios", "/api/v1/scenarios", scenario);
        String id = json(saved).get("scenarioId").asText();
        get(a, "/api/v1/scenarios", "/api/v1/scenarios?programId=WIRE");
        HttpResponse<String> read = get(a, "/api/v1/scenarios/{scenarioId}", "/api/v1/scenarios/" + id);
        HttpResponse<String> notAScenario = get(a, "/api/v1/scenarios/{scenarioId}", "/api/v1/scenarios/ledger");
        HttpResponse<String> noScenario = get(a, "/api/v1/scenarios/{scenarioId}",
                "/api/v1/scenarios/00000000-0000-0000-0000-000000000000");
        HttpResponse<String> run = post(a, "/api/v1/scenarios/{scenarioId}/run", "/api/v1/scenarios/" + id + "/run",
                "");
        HttpResponse<String> withCommand = post(a, "/api/v1/scenarios", "/api/v1/scenarios", """
                {"name": "wire draw", "programId": "WIRE", "request": {"asOf": ["2025-12-31"], "changes": [{"op": "add",
                 "command": {"type": "draw", "trancheId": "T1", "drawId": "D9", "amount": "1.00", "currency": "USD",
                 "effectiveDate": "2025-06-01"}}]}}""");
        HttpResponse<String> readWithCommand = get(a, "/api/v1/scenarios/{scenarioId}", "/api/v1/scenarios/"
                + json(withCommand).get("scenarioId").asText());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json(json).get("differences")).isNotEmpty();
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(code(noProgram)).isEqualTo("NO_PROGRAM");
        assertThat(code(invalidChange)).isEqualTo("INVALID_CHANGE");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(saved.headers().firstValue("Location")).hasValue("/api/v1/scenarios/" + id);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("SCENARIO_EXISTS");
        assertThat(json(read).at("/request/knownAt").isNull()).isTrue();
        assertThat(notAScenario.statusCode()).isEqualTo(400);
        assertThat(code(noScenario)).isEqualTo("UNKNOWN_SCENARIO");
        assertThat(json(run).get("differences")).isEqualTo(json(json).get("differences"));
        assertThat(json(readWithCommand).at("/request/changes/0/command/type").asText()).isEqualTo("draw");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(5)
    void theJournalAnswersAsDeclared() {
        TestUsers c = TestUsers.COMPLIANCE;
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        await("the journal has every event").atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class) >= events);
        HttpResponse<String> digest = get(c, "/api/v1/journal/digest", "/api/v1/journal/digest");
        HttpResponse<String> key = get(c, "/api/v1/journal/public-key", "/api/v1/journal/public-key",
                "Accept", "application/x-pem-file, application/problem+json");
        HttpResponse<String> keyAsText = get(c, "/api/v1/journal/public-key", "/api/v1/journal/public-key",
                "Accept", "application/x-pem-file, text/plain, application/problem+json");
        HttpResponse<String> export = get(c, "/api/v1/journal/export", "/api/v1/journal/export?from=0&to=2",
                "Accept", "application/x-ndjson, application/problem+json");
        HttpResponse<String> backwards = get(c, "/api/v1/journal/export", "/api/v1/journal/export?from=2&to=1",
                "Accept", "application/x-ndjson, application/problem+json");
        HttpResponse<String> proof = get(c, "/api/v1/journal/entries/{seq}/proof",
                "/api/v1/journal/entries/1/proof?treeSize=2");
        HttpResponse<String> beyond = get(c, "/api/v1/journal/entries/{seq}/proof",
                "/api/v1/journal/entries/" + (events + 1000) + "/proof");
        HttpResponse<String> consistency = get(c, "/api/v1/journal/consistency",
                "/api/v1/journal/consistency?first=1&second=2");
        HttpResponse<String> verify = post(c, "/api/v1/journal/verify", "/api/v1/journal/verify", "");
        HttpResponse<String> verification = get(c, "/api/v1/journal/verifications/{verificationId}",
                "/api/v1/journal/verifications/" + json(verify).get("id").asText());
        HttpResponse<String> unknown = get(c, "/api/v1/journal/verifications/{verificationId}",
                "/api/v1/journal/verifications/" + UUID.randomUUID());

        assertThat(json(digest).get("treeSize").asLong()).isGreaterThanOrEqualTo(events);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-pem-file");
        assertThat(keyAsText.body()).isEqualTo(key.body());
        assertThat(keyAsText.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(export.body().lines().count()).isEqualTo(2);
        assertThat(code(backwards)).isEqualTo("INVALID_PARAMETER");
        assertThat(json(proof).get("auditPath")).hasSize(1);
        assertThat(code(beyond)).isEqualTo("INVALID_PARAMETER");
        assertThat(json(consistency).get("proof")).hasSize(1);
        assertThat(json(verify).get("ok").asBoolean()).as(verify.body()).isTrue();
        assertThat(json(verification).get("state").asText()).isEqualTo("DONE");
        assertThat(code(unknown)).isEqualTo("UNKNOWN_VERIFICATION");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(5)
    void theFeedAnswersAsDeclared() {
        TestUsers c = TestUsers.COMPLIANCE;
        String template = "/api/v1/feed";
        // The stream stays open: its opening comment and first two events are enough.
        HttpResponse<String> stream = checked("GET", template, http(c).getOpening("/api/v1/feed?fromSeq=0&"
                + "programId=WIRE", text -> text.split("\n\n", -1).length > 3));
        HttpResponse<String> resumed = checked("GET", template, http(c).getOpening("/api/v1/feed?programId=WIRE",
                text -> text.split("\n\n", -1).length > 2, "Last-Event-ID", "0"));
        HttpResponse<String> unknownType = get(c, template, "/api/v1/feed?type=NoSuchEvent");
        HttpResponse<String> badLastEventId = get(c, template, "/api/v1/feed", "Last-Event-ID", "last");

        assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.body()).startsWith(": open\n\nid: ")
                .contains("\nevent: com.capitalledger.ProgramCreated.v1\n");
        assertThat(resumed.body()).startsWith(": open\n\nid: ");
        assertThat(code(unknownType)).isEqualTo("INVALID_PARAMETER");
        assertThat(code(badLastEventId)).isEqualTo("INVALID_PARAMETER");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(6)
    void theSubscriptionsAnswerAsDeclared() {
        TestUsers a = TestUsers.ADMIN;
        String one = "/api/v1/subscriptions/{subscriptionId}";
        // Port 9 (discard) refuses the deliveries: the subscription only has to exist.
        HttpResponse<String> created = post(a, "/api/v1/subscriptions", "/api/v1/subscriptions",
                "{\"url\":\"http://127.0.0.1:9/wire\",\"programId\":\"WIRE\",\"types\":[\"CapitalCalled\"],"
                        + "\"fromSeq\":0}");
        HttpResponse<String> badUrl = post(a, "/api/v1/subscriptions", "/api/v1/subscriptions",
                "{\"url\":\"mailto:treasury@example.com\"}");
        String id = json(created).get("subscriptionId").asText();
        HttpResponse<String> list = get(a, "/api/v1/subscriptions", "/api/v1/subscriptions");
        HttpResponse<String> read = get(a, one, "/api/v1/subscriptions/" + id);
        HttpResponse<String> notAnId = get(a, one, "/api/v1/subscriptions/wire");
        HttpResponse<String> unknown = get(a, one, "/api/v1/subscriptions/" + UUID.randomUUID());
        HttpResponse<String> log = get(a, one + "/deliveries", "/api/v1/subscriptions/" + id + "/deliveries?limit=5");
        HttpResponse<String> badLimit = get(a, one + "/deliveries", "/api/v1/subscriptions/" + id
                + "/deliveries?limit=0");
        HttpResponse<String> rotated = post(a, one + "/rotate-secret", "/api/v1/subscriptions/" + id
                + "/rotate-secret", "");
        HttpResponse<String> redelivered = post(a, one + "/redeliver", "/api/v1/subscriptions/" + id
                + "/redeliver?fromSeq=0", "");
        HttpResponse<String> tooFar = post(a, one + "/redeliver", "/api/v1/subscriptions/" + id
                + "/redeliver?fromSeq=" + Long.MAX_VALUE, "");
        HttpResponse<String> deleted = delete(a, one, "/api/v1/subscriptions/" + id);
        HttpResponse<String> deletedAgain = delete(a, one, "/api/v1/subscriptions/" + id);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("secret").asText()).startsWith("whsec_");
        assertThat(code(badUrl)).isEqualTo("VALIDATION_FAILED");
        assertThat(json(list).findValuesAsText("subscriptionId")).contains(id);
        assertThat(json(read).get("types")).extracting(JsonNode::asText).containsExactly("CapitalCalled");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(code(unknown)).isEqualTo("UNKNOWN_SUBSCRIPTION");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(code(badLimit)).isEqualTo("INVALID_PARAMETER");
        assertThat(json(rotated).get("secret").asText()).isNotEqualTo(json(created).get("secret").asText());
        assertThat(json(redelivered).get("nextSeq").asLong()).isZero();
        assertThat(code(tooFar)).isEqualTo("INVALID_PARAMETER");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(code(deletedAgain)).isEqualTo("UNKNOWN_SUBSCRIPTION");
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(7)
    void everyOperationOfTheDocumentAnsweredASuccess() {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = json(http().get("/v3/api-docs")).get("paths");
        for (Iterator<String> path = paths.fieldNames(); path.hasNext(); ) {
            String template = path.next();
            paths.get(template).fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " "
                    + template));
        }

        assertThat(operations).hasSize(63);
        assertThat(succeeded).containsExactlyElementsOf(operations);
    }
}
