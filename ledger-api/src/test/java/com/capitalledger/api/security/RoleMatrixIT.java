package com.capitalledger.api.security;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.TestUsers.ADMIN;
import static com.capitalledger.api.support.TestUsers.ANALYST;
import static com.capitalledger.api.support.TestUsers.COMPLIANCE;
import static com.capitalledger.api.support.TestUsers.INVESTOR;
import static com.capitalledger.api.support.TestUsers.TREASURY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint × {anonymous, TREASURY, COMPLIANCE, ANALYST, ADMIN, INVESTOR}: anonymous gets 401, a role without the
 * right 403 (and nothing is recorded but, for a command, its refusal: an audit line with code FORBIDDEN, the caller as
 * actor and the command), a role with it a 2xx. The table below is written from the brief's segregation of
 * duties, independently of the service's rules; a first test checks it lists every endpoint the service exposes, so
 * an endpoint added without a row fails here. An investor (bound to investor A) reads who it is, the API's description
 * and its own investor's statements and notices, nothing else. Runs in its own context (own database): it posts
 * fixings.
 */
@TestPropertySource(properties = "ledger.test.context=role-matrix")
@DirtiesContext
class RoleMatrixIT extends IntegrationTest {

    private static final List<TestUsers> CALLERS = List.of(TREASURY, COMPLIANCE, ANALYST, ADMIN, INVESTOR);
    private static final Set<TestUsers> READERS = EnumSet.of(TREASURY, COMPLIANCE, ANALYST, ADMIN);
    private static final Set<TestUsers> AUTHENTICATED = EnumSet.of(TREASURY, COMPLIANCE, ANALYST, ADMIN, INVESTOR);
    private static final Set<TestUsers> COMMANDS = EnumSet.of(TREASURY);
    private static final Set<TestUsers> AUDIT = EnumSet.of(COMPLIANCE, ADMIN);
    private static final Set<TestUsers> OPERATE = EnumSet.of(ADMIN);
    private static final String P = "/api/v1/programs/MATRIX";
    /** Stands for the id of the scenario the row before saved. */
    private static final String SAVED_SCENARIO = "{saved}";

    private String savedScenario = "none-yet";
    /** Stands for the id of the verification the row before started. */
    private static final String STARTED_VERIFICATION = "{verification}";

    private String startedVerification = "none-yet";
    private static final String CREATED_SUBSCRIPTION = "{subscription}";

    private String createdSubscription = "00000000-0000-0000-0000-000000000000";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /**
     * One row: the endpoint as the service maps it, a request that succeeds for an allowed caller, who is allowed,
     * and the command it sends (whose refusals are journaled and audited), if it sends one.
     */
    private record Row(String method, String pattern, String path, String body, Set<TestUsers> allowed,
                       String command) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    private static Row post(String pattern, String path, String body, Set<TestUsers> allowed) {
        return new Row("POST", pattern, path, body, allowed, null);
    }

    private static Row command(String command, String pattern, String path, String body) {
        return new Row("POST", pattern, path, body, COMMANDS, command);
    }

    private static Row get(String pattern, String path, Set<TestUsers> allowed) {
        return new Row("GET", pattern, path, null, allowed, null);
    }

    private static Row delete(String pattern, String path, Set<TestUsers> allowed) {
        return new Row("DELETE", pattern, path, null, allowed, null);
    }

    /** In order: each command builds on the ones before, so the allowed caller's request succeeds. */
    private static final List<Row> ROWS = List.of(
            command("RecordBaseRateFixing", "/api/v1/base-rates/{rateName}/fixings", "/api/v1/base-rates/SOFR/fixings",
                    "{\"ratePct\":\"4.30000\",\"effectiveDate\":\"2025-01-01\"}"),
            command("CreateProgram", "/api/v1/programs", "/api/v1/programs", """
                    {"programId":"MATRIX","name":"Matrix","currency":"USD","targetAmount":"1000000000.00",
                     "maxDebtPct":"80","effectiveDate":"2025-01-01"}"""),
            command("CreatePhase", "/api/v1/programs/{programId}/phases", P + "/phases", """
                    {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD",
                     "effectiveDate":"2025-01-01"}"""),
            command("CommitEquity", "/api/v1/programs/{programId}/commitments", P + "/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"60000000.00","currency":"USD",
                     "effectiveDate":"2025-01-01"}"""),
            command("IncreaseCommitment", "/api/v1/programs/{programId}/commitments/{investorId}/increase",
                    P + "/commitments/A/increase",
                    "{\"amount\":\"1000000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}"),
            command("ReduceCommitment", "/api/v1/programs/{programId}/commitments/{investorId}/reduce",
                    P + "/commitments/A/reduce",
                    "{\"amount\":\"500000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}"),
            command("TransferCommitment", "/api/v1/programs/{programId}/commitments/{investorId}/transfers",
                    P + "/commitments/A/transfers",
                    "{\"toInvestorId\":\"B\",\"amount\":\"500000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}"),
            command("CallCapital", "/api/v1/programs/{programId}/capital-calls", P + "/capital-calls", """
                    {"callId":"C1","phaseId":"PH1","amount":"10000000.00","currency":"USD","purpose":"land",
                     "effectiveDate":"2025-02-01"}"""),
            command("RecordCallDefault", "/api/v1/programs/{programId}/capital-calls/{callId}/defaults",
                    P + "/capital-calls/C1/defaults",
                    "{\"investorId\":\"B\",\"effectiveDate\":\"2025-02-02\"}"),
            command("CureCallDefault", "/api/v1/programs/{programId}/capital-calls/{callId}/defaults/{investorId}/cure",
                    P + "/capital-calls/C1/defaults/B/cure", "{\"effectiveDate\":\"2025-02-03\"}"),
            command("CancelCommitment", "/api/v1/programs/{programId}/commitments/{investorId}/cancel",
                    P + "/commitments/B/cancel",
                    "{\"effectiveDate\":\"2025-02-03\"}"),
            command("CreateTranche", "/api/v1/programs/{programId}/tranches", P + "/tranches", """
                    {"trancheId":"T1","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"50000000.00",
                     "currency":"USD","baseRate":"SOFR","marginPct":"2.0000","commitmentFeePct":"0.5000",
                     "availabilityEnd":"2026-12-31","effectiveDate":"2025-02-03",
                     "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"50000000.00"}]}"""),
            command("DrawTranche", "/api/v1/programs/{programId}/tranches/{trancheId}/draws", P + "/tranches/T1/draws",
                    "{\"drawId\":\"D1\",\"amount\":\"1000000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-03-01\"}"),
            command("RepayTranche", "/api/v1/programs/{programId}/tranches/{trancheId}/repayments",
                    P + "/tranches/T1/repayments",
                    "{\"repaymentId\":\"R1\",\"amount\":\"500000.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-04-01\"}"),
            command("RepriceTranche", "/api/v1/programs/{programId}/tranches/{trancheId}/repricings",
                    P + "/tranches/T1/repricings",
                    "{\"newMarginPct\":\"2.5000\",\"effectiveDate\":\"2025-05-01\"}"),
            command("SetOperatingTerms", "/api/v1/programs/{programId}/operating-terms", P + "/operating-terms", """
                    {"operationsStart":"2025-06-01","periodMonths":3,"lockUpDscr":"1.2000","defaultDscr":"1.0500",
                     "dsraPeriods":1,"effectiveDate":"2025-05-01"}"""),
            command("SetRepaymentSchedule", "/api/v1/programs/{programId}/tranches/{trancheId}/repayment-schedule",
                    P + "/tranches/T1/repayment-schedule", """
                    {"installments":[{"dueDate":"2025-07-01","pct":"50"},{"dueDate":"2025-10-01","pct":"50"}],
                     "effectiveDate":"2025-05-01"}"""),
            // No revenue: the waterfall falls short of the senior debt service and opens events of default.
            command("RecordOperatingCashFlow", "/api/v1/programs/{programId}/operating-cash-flows",
                    P + "/operating-cash-flows", """
                    {"periodEnd":"2025-06-30","revenue":"0.00","operatingCosts":"0.00","taxes":"0.00",
                     "maintenanceCapex":"0.00","currency":"USD"}"""),
            command("RunWaterfall", "/api/v1/programs/{programId}/waterfalls", P + "/waterfalls",
                    "{\"periodEnd\":\"2025-06-30\"}"),
            command("WaiveEventOfDefault",
                    "/api/v1/programs/{programId}/events-of-default/{eventOfDefaultId}/waiver",
                    P + "/events-of-default/EOD-2025-06-30-PAYMENT/waiver",
                    "{\"effectiveDate\":\"2025-07-02\",\"reason\":\"Lenders' waiver\"}"),
            command("RecordValuation", "/api/v1/programs/{programId}/valuations", P + "/valuations",
                    "{\"valuationDate\":\"2025-06-30\",\"equityValue\":\"9000000.00\",\"currency\":\"USD\"}"),
            get("/api/v1/programs/{programId}", P, READERS),
            get("/api/v1/programs/{programId}/positions", P + "/positions?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/investors/{investorId}", P + "/investors/A?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/tranches/{trancheId}", P + "/tranches/T1?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/capital-calls/{callId}", P + "/capital-calls/C1?asOf=2025-12-31",
                    READERS),
            get("/api/v1/programs/{programId}/cash-flows", P + "/cash-flows?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/distributions", P + "/distributions?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/events", P + "/events", READERS),
            get("/api/v1/programs/{programId}/returns", P + "/returns?asOf=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/capital-accounts", P + "/capital-accounts?from=2025-01-01&to=2025-12-31",
                    READERS),
            // Investor B's: the investor the matrix signs in as is bound to A (its own are tested below).
            get("/api/v1/programs/{programId}/investors/{investorId}/capital-account",
                    P + "/investors/B/capital-account?from=2025-01-01&to=2025-12-31", READERS),
            get("/api/v1/programs/{programId}/investors/{investorId}/documents", P + "/investors/B/documents",
                    READERS),
            get("/api/v1/programs/{programId}/capital-calls/{callId}/notices/{investorId}",
                    P + "/capital-calls/C1/notices/B", READERS),
            get("/api/v1/programs/{programId}/distributions/{paymentDate}/notices/{investorId}",
                    P + "/distributions/2025-07-01/notices/B", READERS),
            get("/api/v1/base-rates/{rateName}/fixings/{effectiveDate}", "/api/v1/base-rates/SOFR/fixings/2025-01-01",
                    READERS),
            post("/api/v1/programs/{programId}/what-if", P + "/what-if", "{\"asOf\": [\"2025-12-31\"]}", READERS),
            post("/api/v1/scenarios", "/api/v1/scenarios",
                    "{\"name\": \"matrix\", \"programId\": \"MATRIX\", \"request\": {}}", READERS),
            get("/api/v1/scenarios", "/api/v1/scenarios", READERS),
            get("/api/v1/scenarios/{scenarioId}", "/api/v1/scenarios/" + SAVED_SCENARIO, READERS),
            post("/api/v1/scenarios/{scenarioId}/run", "/api/v1/scenarios/" + SAVED_SCENARIO + "/run", "", READERS),
            get("/api/v1/audit/entries", "/api/v1/audit/entries?programId=MATRIX", AUDIT),
            get("/api/v1/audit/entries/export", "/api/v1/audit/entries/export?programId=MATRIX", AUDIT),
            post("/api/v1/admin/consistency-check", "/api/v1/admin/consistency-check", "", AUDIT),
            get("/api/v1/journal/digest", "/api/v1/journal/digest", AUDIT),
            get("/api/v1/journal/public-key", "/api/v1/journal/public-key", AUDIT),
            get("/api/v1/journal/export", "/api/v1/journal/export?from=0&to=2", AUDIT),
            get("/api/v1/journal/entries/{seq}/proof", "/api/v1/journal/entries/0/proof?treeSize=2", AUDIT),
            get("/api/v1/journal/consistency", "/api/v1/journal/consistency?first=1&second=2", AUDIT),
            post("/api/v1/journal/verify", "/api/v1/journal/verify", "", AUDIT),
            get("/api/v1/journal/verifications/{verificationId}", "/api/v1/journal/verifications/"
                    + STARTED_VERIFICATION, AUDIT),
            get("/api/v1/admin/read-models", "/api/v1/admin/read-models", OPERATE),
            get("/api/v1/admin/read-models/{name}", "/api/v1/admin/read-models/tranches", OPERATE),
            post("/api/v1/admin/read-models/{name}/rebuild", "/api/v1/admin/read-models/audit-trail/rebuild", "",
                    OPERATE),
            // Port 9 (discard) refuses the deliveries; the subscription is deleted in the end.
            post("/api/v1/subscriptions", "/api/v1/subscriptions", "{\"url\":\"http://127.0.0.1:9/matrix\"}",
                    OPERATE),
            get("/api/v1/subscriptions", "/api/v1/subscriptions", OPERATE),
            get("/api/v1/subscriptions/{subscriptionId}", "/api/v1/subscriptions/" + CREATED_SUBSCRIPTION, OPERATE),
            get("/api/v1/subscriptions/{subscriptionId}/deliveries", "/api/v1/subscriptions/" + CREATED_SUBSCRIPTION
                    + "/deliveries", OPERATE),
            post("/api/v1/subscriptions/{subscriptionId}/rotate-secret", "/api/v1/subscriptions/"
                    + CREATED_SUBSCRIPTION + "/rotate-secret", "", OPERATE),
            post("/api/v1/subscriptions/{subscriptionId}/redeliver", "/api/v1/subscriptions/" + CREATED_SUBSCRIPTION
                    + "/redeliver", "", OPERATE),
            delete("/api/v1/subscriptions/{subscriptionId}", "/api/v1/subscriptions/" + CREATED_SUBSCRIPTION, OPERATE),
            // An investor too: the feed streams it only the events naming its investor (FeedSseIT).
            get("/api/v1/feed", "/api/v1/feed?fromSeq=0", AUTHENTICATED),
            get("/api/v1/me", "/api/v1/me", AUTHENTICATED),
            // Served outside Spring MVC's controllers: the documentation and Actuator.
            get("/v3/api-docs", "/v3/api-docs", AUTHENTICATED),
            get("/swagger-ui/index.html", "/swagger-ui/index.html", AUTHENTICATED),
            get("/actuator/metrics", "/actuator/metrics", OPERATE),
            get("/actuator/metrics/{name}", "/actuator/metrics/jvm.memory.used", OPERATE),
            get("/actuator/info", "/actuator/info", OPERATE));

    @Test
    void theTableCoversEveryEndpointTheServiceExposes() {
        Set<String> exposed = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            // The container's error dispatch renders errors of requests already authorised (or refused): no endpoint.
            if (handler.getBeanType().getPackageName().startsWith("com.capitalledger")
                    && !ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        exposed.add("ANY " + pattern);
                    }
                    methods.forEach(method -> exposed.add(method + " " + pattern));
                }
            }
        });
        Set<String> tabled = new TreeSet<>();
        ROWS.forEach(row -> tabled.add(row.endpoint()));
        assertThat(tabled).containsAll(exposed);
        assertThat(exposed).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : ROWS) {
            if (!row.method().equals("POST")) {
                awaitReadModels();
            }
            long events = events();
            long keys = jdbc.queryForObject("SELECT count(*) FROM idempotency_key", Long.class);
            check(row, "anonymous", send(row, anonymous()), 401, mismatches);
            Map<TestUsers, HttpResponse<String>> forbidden = new EnumMap<>(TestUsers.class);
            for (TestUsers caller : CALLERS) {
                if (!row.allowed().contains(caller)) {
                    forbidden.put(caller, send(row, http(caller)));
                    check(row, caller.name(), forbidden.get(caller), 403, mismatches);
                }
            }
            if (row.command() == null) {
                assertThat(events()).as("refused callers of " + row.endpoint() + " recorded nothing").isEqualTo(events);
            } else {
                assertThat(events()).as("refused callers of " + row.endpoint() + " recorded their refusals, nothing "
                        + "else").isEqualTo(events + forbidden.size());
                forbidden.forEach((caller, refused) -> checkAuditLine(row, caller, refused, mismatches));
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key", Long.class))
                    .as("refused callers of " + row.endpoint() + " used up no idempotency key").isEqualTo(keys);
            for (TestUsers caller : CALLERS) {
                if (row.allowed().contains(caller)) {
                    HttpResponse<String> response = send(row, http(caller));
                    if (row.path().equals("/api/v1/scenarios") && response.statusCode() == 201) {
                        savedScenario = json(response).get("scenarioId").asText();
                    }
                    if (row.path().equals("/api/v1/subscriptions") && response.statusCode() == 201) {
                        createdSubscription = json(response).get("subscriptionId").asText();
                    }
                    if (row.path().equals("/api/v1/journal/verify") && response.statusCode() / 100 == 2) {
                        startedVerification = json(response).get("id").asText();
                    }
                    if (row.path().contains("/distributions/2025-07-01/notices/")) {
                        // MATRIX's one waterfall distributed nothing: authorised callers get the ledger's own 404.
                        if (response.statusCode() != 404
                                || !"UNKNOWN_DISTRIBUTION".equals(json(response).path("code").asText())) {
                            mismatches.add(row.endpoint() + " as " + caller + ": expected 404 UNKNOWN_DISTRIBUTION, "
                                    + "got " + response.statusCode() + " " + shortened(response.body()));
                        }
                    } else if (response.statusCode() < 200 || response.statusCode() > 299) {
                        mismatches.add(row.endpoint() + " as " + caller + ": expected 2xx, got "
                                + response.statusCode() + " " + shortened(response.body()));
                    }
                }
            }
            if (row.path().equals(P + "/commitments")) {
                // A second investor, for the transfer, default, cure and cancel rows.
                assertThat(http(TREASURY).postJson(row.path(), """
                        {"investorId":"B","investorName":"Beta","amount":"30000000.00","currency":"USD",
                         "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void healthProbesAreOpenToAnyone() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(anonymous().get(probe).statusCode()).as(probe).isEqualTo(200);
        }
    }

    @Test
    void theConsolesFilesAreOpenToAnyoneHoldNoDataAndForbidInlineScripts() {
        for (String file : List.of("/console", "/console/index.html", "/console/console.js", "/console/stack.js",
                "/console/console.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            HttpResponse<String> response = anonymous().get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            // Kept by the browser and revalidated, not downloaded again on every page.
            assertThat(response.headers().firstValue("Cache-Control")).as(file).contains("no-cache");
            String modified = response.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(anonymous().get(file, "If-Modified-Since", modified).statusCode()).as(file).isEqualTo(304);
            if (file.startsWith("/console")) {
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(file)
                        .contains("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                                + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'");
            }
        }
        assertThat(anonymous().get("/console").body()).contains("<h2 id=\"sign-in-title\">Sign in</h2>")
                .doesNotContain("<script>").doesNotContain(" style=");
        // Who is signed in is data: the console asks for it with the user's credentials.
        assertThat(anonymous().get("/api/v1/me").statusCode()).isEqualTo(401);
        // A script that signs in itself gets no Basic challenge, which would open the browser's own dialog.
        HttpResponse<String> scripted = new HttpClientSupport("http://localhost:" + port, "Basic "
                + Base64.getEncoder().encodeToString("analyst:wrong".getBytes()))
                .get("/api/v1/me", "X-Requested-With", "XMLHttpRequest");
        assertThat(scripted.statusCode()).isEqualTo(401);
        assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(HttpClientSupport.json(scripted).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(HttpClientSupport.json(http(ANALYST).get("/api/v1/me")).toString())
                .isEqualTo("{\"name\":\"analyst\",\"roles\":[\"ANALYST\"]}");
        assertThat(HttpClientSupport.json(http(INVESTOR).get("/api/v1/me")).toString())
                .isEqualTo("{\"name\":\"investor-a\",\"roles\":[\"INVESTOR\"],\"investorId\":\"A\"}");
    }

    /**
     * An investor's statements and notices: its own (investor A's, in any program) are answered to the investor as to
     * every role that reads positions; another investor's are refused to it with 403 naming the investor it is bound
     * to. Program DOCS is this test's own (the main table builds MATRIX in an order this test does not rely on).
     */
    @Test
    void anInvestorReadsItsOwnStatementsAndNoticesOnly() {
        String docs = "/api/v1/programs/DOCS";
        for (String[] command : new String[][]{
                {"/api/v1/programs", """
                        {"programId":"DOCS","name":"Documents","currency":"USD","targetAmount":"100000000.00",
                         "maxDebtPct":"60","effectiveDate":"2025-01-01"}"""},
                {docs + "/phases", """
                        {"phaseId":"PH1","name":"Phase","budget":"50000000.00","currency":"USD",
                         "effectiveDate":"2025-01-01"}"""},
                {docs + "/commitments", """
                        {"investorId":"A","investorName":"Alpha","amount":"6000000.00","currency":"USD",
                         "effectiveDate":"2025-01-01"}"""},
                {docs + "/commitments", """
                        {"investorId":"B","investorName":"Beta","amount":"4000000.00","currency":"USD",
                         "effectiveDate":"2025-01-01"}"""},
                {docs + "/capital-calls", """
                        {"callId":"C1","phaseId":"PH1","amount":"1000000.00","currency":"USD","purpose":"land",
                         "effectiveDate":"2025-02-01"}"""}}) {
            HttpResponse<String> created = http(TREASURY).postJson(command[0], command[1]);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        // The documents prove their entries against the journal: wait until it holds the call.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http(ADMIN).get(docs + "/capital-calls/C1/notices/A").statusCode() == 200);
        Map<String, String> answers = Map.of(
                "/api/v1/programs/DOCS/investors/{investor}/capital-account?to=2025-03-31", "200",
                "/api/v1/programs/DOCS/investors/{investor}/documents", "200",
                "/api/v1/programs/DOCS/capital-calls/C1/notices/{investor}", "200",
                "/api/v1/programs/DOCS/distributions/2025-07-01/notices/{investor}", "404 UNKNOWN_DISTRIBUTION",
                "/api/v1/programs/NO-SUCH-PROGRAM/investors/{investor}/capital-account", "404 NO_PROGRAM",
                "/api/v1/programs/NO-SUCH-PROGRAM/investors/{investor}/documents", "404 NO_PROGRAM",
                "/api/v1/programs/NO-SUCH-PROGRAM/capital-calls/C1/notices/{investor}", "404 NO_PROGRAM",
                "/api/v1/programs/NO-SUCH-PROGRAM/distributions/2025-07-01/notices/{investor}", "404 NO_PROGRAM");
        long events = events();
        answers.forEach((document, answer) -> {
            String own = document.replace("{investor}", "A");
            String others = document.replace("{investor}", "B");
            assertThat(anonymous().get(own).statusCode()).as(own).isEqualTo(401);
            for (TestUsers caller : List.of(INVESTOR, TREASURY, COMPLIANCE, ANALYST, ADMIN)) {
                assertAnswer(http(caller).get(own), answer, own + " as " + caller);
            }
            for (TestUsers caller : READERS) {
                assertAnswer(http(caller).get(others), answer, others + " as " + caller);
            }
            HttpResponse<String> refused = http(INVESTOR).get(others);
            assertThat(refused.statusCode()).as(others).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(json(refused).get("correlationId").asText()).isNotEmpty();
            assertThat(json(refused).get("detail").asText()).isEqualTo("investor-a (roles: INVESTOR) may not GET "
                    + "this resource; it needs ADMIN or ANALYST or COMPLIANCE or TREASURY, or INVESTOR bound to "
                    + "investor B; investor-a is bound to investor A");
            // Ids are compared exactly, as the service compares them everywhere.
            String lowerCase = document.replace("{investor}", "a");
            assertThat(http(INVESTOR).get(lowerCase).statusCode()).as(lowerCase).isEqualTo(403);
            // Its documents are read, never written: a POST there is a command, the treasury's.
            HttpResponse<String> posted = http(INVESTOR).postJson(own, "{}");
            assertThat(posted.statusCode()).as("POST " + own).isEqualTo(403);
            assertThat(json(posted).get("detail").asText()).endsWith("it needs TREASURY");
        });
        // Beyond its documents an investor reads nothing, not even its own position nor an unknown path.
        for (String path : List.of(P + "/investors/A?asOf=2025-12-31", "/api/v1/programs/MATRIX/no-such-page",
                "/no-such-page", P + "/investors/A/capital-account/extra")) {
            HttpResponse<String> refused = http(INVESTOR).get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(json(refused).get("detail").asText()).as(path).isEqualTo("investor-a (roles: INVESTOR) may "
                    + "not GET this resource; it needs ADMIN or ANALYST or COMPLIANCE or TREASURY");
        }
        assertThat(http(ANALYST).get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(events()).as("refused reads, and POSTs to no command's endpoint, recorded nothing")
                .isEqualTo(events);
    }

    /** "200", or a status and the problem's code. */
    private static void assertAnswer(HttpResponse<String> response, String answer, String what) {
        String code = response.statusCode() == 200 ? "" : " " + json(response).path("code").asText();
        assertThat(response.statusCode() + code).as(what + ": " + response.body()).isEqualTo(answer);
    }

    private static void check(Row row, String caller, HttpResponse<String> response, int expected,
                              List<String> mismatches) {
        if (response.statusCode() != expected) {
            mismatches.add(row.endpoint() + " as " + caller + ": expected " + expected + ", got "
                    + response.statusCode() + " " + shortened(response.body()));
            return;
        }
        JsonNode problem = json(response);
        String code = expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                || !code.equals(problem.path("code").asText()) || problem.path("correlationId").asText().isEmpty()) {
            mismatches.add(row.endpoint() + " as " + caller + ": not a " + code + " problem: " + response.body());
        }
        if (expected == 401 && response.headers().allValues("WWW-Authenticate").stream()
                .noneMatch(challenge -> challenge.startsWith("Basic"))) {
            mismatches.add(row.endpoint() + " as anonymous: no Basic challenge");
        }
    }

    /**
     * The audit line of a command refused 403, read as compliance reads it once the trail holds the refusal's
     * Ledger-Position: its code, actor and command, and the request's correlation id.
     */
    private void checkAuditLine(Row row, TestUsers caller, HttpResponse<String> refused, List<String> mismatches) {
        String where = row.endpoint() + " as " + caller + ": ";
        String position = refused.headers().firstValue("Ledger-Position").orElse(null);
        if (position == null) {
            mismatches.add(where + "the 403 names no Ledger-Position of its refusal");
            return;
        }
        HttpResponse<String> page = http(COMPLIANCE).get("/api/v1/audit/entries?outcome=REJECTED&actor="
                + caller.userName() + "&type=" + row.command() + "&minPosition=" + position);
        List<JsonNode> lines = new ArrayList<>();
        json(page).path("entries").forEach(lines::add);
        if (lines.size() != 1) {
            mismatches.add(where + "expected one audit line of the refusal, got " + shortened(page.body()));
            return;
        }
        JsonNode line = lines.get(0);
        String expected = "FORBIDDEN " + caller.userName() + " " + row.command() + " " + json(refused)
                .get("correlationId").asText() + " " + position;
        String actual = line.path("code").asText() + " " + line.path("actor").asText() + " "
                + line.path("type").asText() + " " + line.path("correlationId").asText() + " "
                + line.path("position").asText();
        if (!expected.equals(actual)) {
            mismatches.add(where + "audit line " + actual + ", expected " + expected);
        }
    }

    private static String shortened(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private HttpResponse<String> send(Row row, HttpClientSupport client) {
        String path = row.path().replace(SAVED_SCENARIO, savedScenario)
                .replace(STARTED_VERIFICATION, startedVerification).replace(CREATED_SUBSCRIPTION, createdSubscription);
        if (row.method().equals("DELETE")) {
            return client.delete(path);
        }
        if (row.path().startsWith("/api/v1/feed")) {
            // The feed stays open: its status and headers are the answer.
            return client.getOpening(path, text -> true);
        }
        return row.body() == null ? client.get(path) : client.postJson(path, row.body());
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
