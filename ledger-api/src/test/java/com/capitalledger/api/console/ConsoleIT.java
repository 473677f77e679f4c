package com.capitalledger.api.console;

import com.capitalledger.api.demo.StargateDemo;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OperatingProgram;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;


import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium, against the service over HTTP: signed in as each role, it shows the API's
 * own figures, nothing a role may not read, and nothing its Content-Security-Policy refuses. Screenshots of each page
 * are kept in target/console-screenshots.
 */
// Webhook back-off and give-up shortened, so that a subscription to a receiver that is down is PAUSED in seconds.
@TestPropertySource(properties = {"ledger.test.context=console", "ledger.feed.webhooks.timeout=1s",
        "ledger.feed.webhooks.lease=3s", "ledger.feed.webhooks.poll=100ms", "ledger.feed.webhooks.retry-first=100ms",
        "ledger.feed.webhooks.retry-max=200ms", "ledger.feed.webhooks.give-up-after=2s"})
@DirtiesContext
class ConsoleIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ObjectMapper objectMapper;

    private Browser browser;

    @BeforeEach
    void stargate() {
        new StargateDemo(objectMapper).load(URI.create("http://localhost:" + port), TestUsers.TREASURY.basic());
        awaitReadModels();
        browser = new Browser(1280, 800);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String console(String page) {
        return "http://localhost:" + port + "/console#" + page;
    }

    private void signIn(TestUsers user, String page) {
        browser.driver.get(console(page));
        browser.find("#username").sendKeys(user.userName());
        browser.find("#password").sendKeys(user.password(), Keys.ENTER);
        eventually().until(() -> browser.find("#who").getText().startsWith(user.userName() + " ("));
    }

    private List<String> visiblePages() {
        return browser.all("#nav a").stream().filter(WebElement::isDisplayed)
                .map(link -> link.getAttribute("data-page")).toList();
    }

    private static String figure(WebElement cell) {
        return cell.getText().replace(",", "");
    }

    @Test
    void eachRoleSeesOnlyThePagesItsRolesMayRead() {
        Map<TestUsers, List<String>> pages = Map.of(
                TestUsers.TREASURY, List.of("stack", "history", "cashflows", "investor", "whatif"),
                TestUsers.ANALYST, List.of("stack", "history", "cashflows", "investor", "whatif"),
                TestUsers.COMPLIANCE, List.of("stack", "history", "cashflows", "investor", "timeline", "whatif",
                        "journal"),
                TestUsers.ADMIN, List.of("stack", "history", "cashflows", "investor", "timeline", "whatif",
                        "journal", "subscriptions"),
                TestUsers.INVESTOR, List.of("investor"));
        for (Map.Entry<TestUsers, List<String>> role : pages.entrySet()) {
            signIn(role.getKey(), "stack");
            assertThat(visiblePages()).as(role.getKey().name()).isEqualTo(role.getValue());
            browser.find("#sign-out").click();
            assertThat(browser.find("#page-sign-in").isDisplayed()).isTrue();
        }
        // A page typed into the address bar that the role may not read shows no data, only why.
        signIn(TestUsers.TREASURY, "stack");
        browser.driver.get(console("timeline"));
        eventually().until(() -> browser.find("#status").getText()
                .equals("Your roles (TREASURY) may not read this page."));
        assertThat(browser.find("#page-timeline").isDisplayed()).isFalse();
        assertThat(browser.all("#timeline tbody tr")).isEmpty();
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndShowsNothing() {
        browser.driver.get(console("stack"));
        browser.find("#username").sendKeys(TestUsers.ANALYST.userName());
        browser.find("#password").sendKeys("not-the-password", Keys.ENTER);
        eventually().until(() -> browser.find("#sign-in-error").getText()
                .equals("That user and password were not accepted."));
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
        assertThat(browser.find("#page-stack").isDisplayed()).isFalse();
    }

    @Test
    void aThrottledSignInSaysHowLongToWait() {
        // Over IPv4 on both sides, so that the browser signs in from the address the failures came from.
        String base = "http://127.0.0.1:" + port;
        HttpClientSupport guesser = new HttpClientSupport(base, "Basic "
                + Base64.getEncoder().encodeToString("nobody:guess".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/me").statusCode()).isEqualTo(401);
        }

        browser.driver.get(base + "/console#stack");
        browser.find("#username").sendKeys("nobody");
        browser.find("#password").sendKeys("guess", Keys.ENTER);
        eventually().until(() -> browser.find("#sign-in-error").getText()
                .matches("Too many failed sign-ins: try again in [1-9][0-9]* s\\."));
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
    }

    @Test
    void movingTheDateSliderShowsTheApisFiguresAtThatDate() {
        HttpClientSupport api = http(TestUsers.ANALYST);
        signIn(TestUsers.ANALYST, "stack?program=STARGATE");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        awaitFiguresAsOf(today);
        // Opened again, signed in: the browser's own clock from navigation to the first figures shown.
        browser.driver.navigate().refresh();
        awaitFiguresAsOf(today);
        Number shown = (Number) browser.driver.executeScript(
                "return performance.getEntriesByName('capital-stack-shown')[0].startTime;");
        System.out.printf("Console: the Stargate capital stack shown %d ms after navigation%n", shown.longValue());
        assertFiguresEqualTheApis(api, today);
        browser.screenshot("capital-stack");

        // Keyboard only: Home goes to the program's first day, each arrow a day on.
        WebElement slider = browser.find("#stack-slider");
        slider.sendKeys(Keys.HOME);
        awaitFiguresAsOf("2025-01-21");
        assertFiguresEqualTheApis(api, "2025-01-21");
        String early = "2025-04-02";
        int days = (int) ChronoUnit.DAYS.between(LocalDate.parse("2025-01-21"), LocalDate.parse(early));
        slider.sendKeys(Stream.generate(() -> Keys.ARROW_RIGHT).limit(days).toArray(Keys[]::new));
        awaitFiguresAsOf(early);
        assertFiguresEqualTheApis(api, early);
        assertThat(figure(browser.find("tr[data-investor=SOFTBANK] td[data-field=called]")))
                .as("called by SOFTBANK after CALL-1 and CALL-2, before CALL-3")
                .isEqualTo(json(api.get("/api/v1/programs/STARGATE/investors/SOFTBANK?asOf=" + early))
                        .get("called").asText())
                .isNotEqualTo(json(api.get("/api/v1/programs/STARGATE/investors/SOFTBANK?asOf=" + today))
                        .get("called").asText());
        browser.screenshot("capital-stack-2025-04-02");
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    private void awaitFiguresAsOf(String date) {
        eventually().until(() -> browser.find("#covenant").getText().startsWith("As of " + date + ":"));
    }

    private void assertFiguresEqualTheApis(HttpClientSupport api, String asOf) {
        JsonNode positions = json(api.get("/api/v1/programs/STARGATE/positions?asOf=" + asOf));
        assertThat(browser.all("#investors tbody tr")).hasSize(positions.get("investors").size());
        for (JsonNode investor : positions.get("investors")) {
            for (String field : List.of("committed", "called", "paidIn", "unfunded", "defaulted", "ownershipPct")) {
                assertThat(figure(browser.find("tr[data-investor='" + investor.get("investorId").asText()
                        + "'] td[data-field=" + field + "]"))).as(investor.get("investorId") + " " + field + " on " + asOf)
                        .isEqualTo(investor.get(field).asText());
            }
        }
        assertThat(browser.all("#tranches tbody tr")).hasSize(positions.get("tranches").size());
        for (JsonNode tranche : positions.get("tranches")) {
            for (String field : List.of("commitment", "drawn", "outstanding", "undrawn", "allInRatePct",
                    "accruedInterest")) {
                assertThat(figure(browser.find("tr[data-tranche='" + tranche.get("trancheId").asText()
                        + "'] td[data-field=" + field + "]"))).as(tranche.get("trancheId") + " " + field + " on " + asOf)
                        .isEqualTo(tranche.get(field).asText());
            }
        }
        assertThat(browser.find("#covenant").getAttribute("data-debt-pct"))
                .isEqualTo(positions.get("capitalisation").get("debtPctOfCapitalisation").asText());
    }

    @Test
    void theTimelineFiltersPagesAndDownloadsTheApisCsvOfThePageShown() throws IOException {
        HttpClientSupport api = http(TestUsers.COMPLIANCE);
        signIn(TestUsers.COMPLIANCE, "timeline");
        browser.find("#tl-program").sendKeys("STARGATE");
        browser.find("#tl-type").sendKeys("CapitalCalled");
        new Select(browser.find("#tl-limit")).selectByVisibleText("10");
        browser.find("#timeline-form button[type=submit]").click();
        String filter = "programId=STARGATE&type=CapitalCalled&limit=10";
        JsonNode page = json(api.get("/api/v1/audit/entries?" + filter));
        eventually().until(() -> positionsShown().equals(positions(page)));
        assertThat(positions(page)).hasSize(3);
        browser.screenshot("timeline");

        browser.find("#tl-csv").click();
        Path csv = browser.downloads.resolve("audit-trail-page-1.csv");
        eventually().until(() -> Files.exists(csv) && Files.size(csv) > 0);
        HttpResponse<String> expected = api.get("/api/v1/audit/entries?" + filter, "Accept", "text/csv");
        assertThat(expected.statusCode()).isEqualTo(200);
        assertThat(Files.readString(csv)).isEqualTo(expected.body());

        // Paging: pages of ten over every entry of the program, each the API's page at that cursor.
        browser.find("#tl-type").clear();
        browser.find("#timeline-form button[type=submit]").click();
        JsonNode first = json(api.get("/api/v1/audit/entries?programId=STARGATE&limit=10"));
        eventually().until(() -> positionsShown().equals(positions(first)));
        browser.find("#tl-next").click();
        JsonNode second = json(api.get("/api/v1/audit/entries?programId=STARGATE&limit=10&cursor="
                + first.get("nextCursor").asText()));
        eventually().until(() -> positionsShown().equals(positions(second)));
        browser.find("#tl-previous").click();
        eventually().until(() -> positionsShown().equals(positions(first)));
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    /** Waits for the page; an element the page replaced while it was read is read again, not an error. */
    private static ConditionFactory eventually() {
        return await().atMost(WAIT).ignoreException(StaleElementReferenceException.class);
    }

    private List<String> positionsShown() {
        return browser.all("#timeline tbody tr").stream().map(row -> row.getAttribute("data-position")).toList();
    }

    private static List<String> positions(JsonNode page) {
        List<String> positions = new ArrayList<>();
        page.get("entries").forEach(entry -> positions.add(entry.get("position").asText()));
        return positions;
    }

    @Test
    void aWhatIfBuiltInTheFormShowsTheApisDifferences() {
        HttpClientSupport api = http(TestUsers.ANALYST);
        signIn(TestUsers.ANALYST, "whatif");
        WebElement dates = browser.find("#wi-dates");
        dates.clear();
        dates.sendKeys("2025-12-31, 2026-06-30");
        runRateShiftFromJune("200");

        JsonNode result = json(api.postJson("/api/v1/programs/STARGATE/what-if", """
                {"asOf": ["2025-12-31", "2026-06-30"],
                 "changes": [{"op": "shiftRate", "baseRate": "SOFR", "from": "2025-06-01", "bps": 200}]}"""));
        List<List<String>> expected = new ArrayList<>();
        result.get("differences").forEach(difference -> expected.add(List.of(difference.get("asOf").asText(),
                difference.get("path").asText(), difference.get("base").asText(), difference.get("scenario").asText(),
                difference.get("delta").asText())));
        assertThat(expected).as("a 200 bps shift changes accrued interest").isNotEmpty();
        eventually().until(() -> differencesShown().equals(expected));
        browser.screenshot("what-if");

        browser.find("#wi-name").sendKeys("SOFR +200 bps from June");
        browser.find("#wi-save").click();
        eventually().until(() -> browser.find("#wi-saved").getText().startsWith("Saved as "));
        JsonNode saved = json(api.get("/api/v1/scenarios")).get("scenarios");
        assertThat(saved).hasSize(1);
        assertThat(browser.find("#wi-saved").getText()).isEqualTo("Saved as " + saved.get(0).get("scenarioId")
                .asText() + " (\"SOFR +200 bps from June\").");
        assertThat(saved.get(0).get("request").get("changes").get(0).get("bps").asInt()).isEqualTo(200);
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    @Test
    void aRefusalShowsTheApisProblemAndChangesNothingShown() {
        signIn(TestUsers.ANALYST, "stack?program=STARGATE");
        awaitFiguresAsOf(LocalDate.now(ZoneOffset.UTC).toString());
        List<String> shown = browser.all("#investors tbody tr").stream().map(WebElement::getText).toList();
        WebElement program = browser.find("#stack-program");
        program.clear();
        program.sendKeys("NOPE", Keys.ENTER);
        eventually().until(() -> browser.find("#status").getText()
                .equals("NO_PROGRAM: program NOPE does not exist"));
        assertThat(browser.all("#investors tbody tr").stream().map(WebElement::getText).toList()).isEqualTo(shown);

        browser.driver.get(console("whatif"));
        runRateShiftFromJune("99999");
        eventually().until(() -> browser.find("#status").getText().equals("VALIDATION_FAILED: 1 field(s) "
                + "failed validation: changes[0].bps must be between -10000 and 10000"));
        assertThat(browser.all("#differences tbody tr")).isEmpty();
    }

    /** Adds a shift of SOFR from 2025-06-01 by these basis points in the what-if form, and runs it. */
    private void runRateShiftFromJune(String bps) {
        new Select(browser.find("#wi-op")).selectByValue("shiftRate");
        browser.find("#wi-add").click();
        WebElement change = browser.find("#wi-changes .change");
        change.findElement(By.name("from")).sendKeys("06/01/2025");
        WebElement points = change.findElement(By.name("bps"));
        points.clear();
        points.sendKeys(bps);
        browser.find("#whatif-form button[type=submit]").click();
    }

    private List<List<String>> differencesShown() {
        return browser.all("#differences tbody tr").stream().map(row -> row.findElements(
                By.tagName("td")).stream().map(ConsoleIT::figure).toList()).toList();
    }

    @Test
    void theJournalsSignatureAndAProofAreCheckedInTheBrowserAndTheJournalVerifies() {
        HttpClientSupport api = http(TestUsers.COMPLIANCE);
        signIn(TestUsers.COMPLIANCE, "journal");
        JsonNode digest = json(api.get("/api/v1/journal/digest"));
        eventually().until(() -> browser.find("#digest-signature").getText().endsWith(": valid."));
        assertThat(browser.find("#digest").getText()).contains(digest.get("rootHash").asText());

        browser.find("#verify").click();
        await().atMost(Duration.ofSeconds(60)).until(() -> "true".equals(browser.find("#verification")
                .getAttribute("data-ok")));
        assertThat(browser.find("#verification").getText()).startsWith("Verified: ");

        browser.find("#proof-seq").sendKeys("3", Keys.ENTER);
        eventually().until(() -> "true".equals(browser.find("#proof-result").getAttribute("data-holds")));
        JsonNode proof = json(api.get("/api/v1/journal/entries/3/proof?treeSize=" + digest.get("treeSize").asLong()));
        assertThat(browser.all("#proof-path li").stream().map(WebElement::getText).toList())
                .containsExactlyElementsOf(textValues(proof.get("auditPath")));
        browser.screenshot("journal");
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    @Test
    void aPausedSubscriptionShowsItsLagAndLastErrorAndRedeliversOnceItsReceiverIsBack() throws IOException {
        // A receiver's port, free: connections to it are refused until the receiver starts there.
        int receiverPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            receiverPort = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + receiverPort + "/ledger-events";
        HttpClientSupport admin = http(TestUsers.ADMIN);
        HttpResponse<String> created = admin.postJson("/api/v1/subscriptions", """
                {"url":"%s","programId":"CONSOLE-SUB","types":["ProgramCreated","EquityCommitted"]}""".formatted(url));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("subscriptionId").asText();
        String subscription = "/api/v1/subscriptions/" + id;
        HttpClientSupport treasury = http(TestUsers.TREASURY);
        assertThat(treasury.postJson("/api/v1/programs", """
                {"programId":"CONSOLE-SUB","name":"Subscribed","currency":"USD","targetAmount":"1000000.00",
                 "maxDebtPct":"80","effectiveDate":"2026-01-01"}""").statusCode()).isEqualTo(201);
        for (String investor : List.of("A", "B")) {
            assertThat(treasury.postJson("/api/v1/programs/CONSOLE-SUB/commitments", """
                    {"investorId":"%s","investorName":"Investor %s","amount":"1000.00","currency":"USD",
                     "effectiveDate":"2026-01-01"}""".formatted(investor, investor)).statusCode()).isEqualTo(201);
        }
        // Its first entry refused for 2 s: PAUSED there, the three entries recorded not delivered.
        await().atMost(Duration.ofSeconds(30)).until(() -> json(admin.get(subscription)),
                view -> view.get("status").asText().equals("PAUSED") && view.get("lagEntries").asLong() == 3);
        JsonNode paused = json(admin.get(subscription));
        assertThat(paused.get("deliveredThroughSeq").isNull()).isTrue();
        assertThat(paused.get("lastError").asText()).isEqualTo("ConnectException: could not connect");
        String reason = paused.get("pausedReason").asText();
        assertThat(reason).startsWith("no delivery acknowledged for ")
                .endsWith("; last: ConnectException: could not connect");
        long first = paused.get("nextSeq").asLong();
        int attempts = paused.get("attempts").asInt();
        assertThat(attempts).isGreaterThan(1);

        signIn(TestUsers.ADMIN, "subscriptions");
        String row = "#subscriptions tr[data-subscription='" + id + "'] ";
        eventually().until(() -> browser.all(row + "td[data-field=status] .state").size() == 1);
        assertThat(browser.find(row + "td[data-field=url]").getText()).isEqualTo(url);
        assertThat(browser.find(row + "td[data-field=filters]").getText())
                .isEqualTo("program CONSOLE-SUB; types ProgramCreated, EquityCommitted");
        assertThat(browser.find(row + "td[data-field=status] .state").getText()).isEqualTo("PAUSED");
        assertThat(browser.find(row + "td[data-field=status] .why").getText()).isEqualTo(reason);
        assertThat(browser.find(row + "td[data-field=lag]").getText()).isEqualTo("3");
        assertThat(browser.find(row + "td[data-field=deliveredThroughSeq]").getText()).isEqualTo("none yet");
        assertThat(browser.find(row + "td[data-field=lastError] .error-text").getText())
                .isEqualTo("ConnectException: could not connect");
        assertThat(browser.find(row + "td[data-field=lastError] .why").getText()).isEqualTo("last attempt "
                + paused.get("lastAttemptAt").asText().replace("T", " ").replaceFirst("(\\.\\d+)?Z$", " UTC"));
        assertThat(browser.find(row + "td[data-field=attempts]").getText()).isEqualTo(String.valueOf(attempts));

        // Its delivery log: the API's last 20 attempts, each at its first entry, refused.
        browser.find(row + "button[name=log]").click();
        JsonNode log = json(admin.get(subscription + "/deliveries?limit=20")).get("deliveries");
        assertThat(log).hasSize(Math.min(20, attempts));
        List<String> expected = new ArrayList<>();
        log.forEach(attempt -> {
            assertThat(attempt.get("seq").asLong()).isEqualTo(first);
            expected.add(attempt.get("attemptId").asText());
        });
        eventually().until(() -> browser.all("#sub-deliveries tbody tr").stream()
                .map(attempt -> attempt.getAttribute("data-attempt")).toList().equals(expected));
        assertThat(browser.all("#sub-deliveries td[data-field=result]").stream().map(WebElement::getText).distinct()
                .toList()).containsExactly("ConnectException: could not connect");
        browser.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        browser.screenshot("subscriptions");

        // A from-seq past the journal's end: the API's problem, and nothing changed.
        long size = first + 3;
        browser.find(row + "input[name=fromSeq]").sendKeys(String.valueOf(size + 1));
        browser.find(row + "button[name=redeliver]").click();
        eventually().untilAsserted(() -> assertThat(browser.find("#status").getText()).isEqualTo("INVALID_PARAMETER: "
                + "fromSeq must be between 0 and the journal's size, " + size));
        assertThat(json(admin.get(subscription)).get("status").asText()).isEqualTo("PAUSED");
        // The page's periodic refresh leaves the problem shown.
        String read = browser.find("#sub-refreshed").getText();
        eventually().until(() -> !browser.find("#sub-refreshed").getText().equals(read));
        assertThat(browser.find("#status").getText()).startsWith("INVALID_PARAMETER: ");
        assertThat(browser.find(row + "td[data-field=status] .state").getText()).isEqualTo("PAUSED");
        // The browser logs the refused request, and nothing else.
        assertThat(browser.severeLogs()).singleElement().asString().endsWith(subscription + "/redeliver?fromSeq="
                + (size + 1) + " - Failed to load resource: the server responded with a status of 400 ()");

        // The receiver back: Redeliver resumes from where it stopped and the three entries are acknowledged.
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), receiverPort),
                0);
        receiver.createContext("/ledger-events", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            browser.find(row + "input[name=fromSeq]").clear();
            browser.find(row + "button[name=redeliver]").click();
            eventually().untilAsserted(() -> assertThat(browser.find("#sub-message").getText())
                    .isEqualTo(url + ": ACTIVE, delivering again from seq " + first + "."));
            await().atMost(Duration.ofSeconds(30)).until(() -> json(admin.get(subscription)),
                    view -> view.get("lagEntries").asLong() == 0);
            JsonNode active = json(admin.get(subscription));
            assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(active.get("attempts").asInt()).isZero();
            assertThat(active.get("lastError").isNull()).isTrue();
            assertThat(active.get("pausedReason").isNull()).isTrue();
            assertThat(active.get("deliveredThroughSeq").asLong()).isEqualTo(first + 2);
            assertThat(received).hasSize(3);

            // The page shows it at its next refresh: ACTIVE, no lag, no error; the log's newest attempt a 204.
            browser.find("#sub-refresh").click();
            eventually().until(() -> browser.find(row + "td[data-field=lag]").getText().equals("0"));
            assertThat(browser.find(row + "td[data-field=status]").getText()).isEqualTo("ACTIVE");
            assertThat(browser.find(row + "td[data-field=deliveredThroughSeq]").getText())
                    .isEqualTo(String.valueOf(first + 2));
            assertThat(browser.find(row + "td[data-field=lastError] .error-text").getText()).isEmpty();
            assertThat(browser.find(row + "td[data-field=attempts]").getText()).isEqualTo("0");
            eventually().until(() -> browser.find("#sub-deliveries td[data-field=result]").getText()
                    .equals("HTTP 204"));
        } finally {
            receiver.stop(0);
        }

        // Subscribing here shows the secret once, clearly; the new subscription is listed.
        browser.find("#sub-url").sendKeys("https://treasury.example.com/ledger-events");
        browser.find("#sub-types").sendKeys("CapitalCalled, CommandRejected");
        browser.find("#sub-form button[type=submit]").click();
        eventually().until(() -> browser.find("#sub-created").isDisplayed());
        JsonNode listed = json(admin.get("/api/v1/subscriptions"));
        JsonNode newest = listed.get(listed.size() - 1);
        assertThat(newest.get("url").asText()).isEqualTo("https://treasury.example.com/ledger-events");
        assertThat(textValues(newest.get("types"))).containsExactly("CapitalCalled", "CommandRejected");
        assertThat(browser.find("#sub-secret").getText()).matches("whsec_[A-Za-z0-9+/=]{40,}");
        eventually().until(() -> browser.all("#subscriptions tr[data-subscription='"
                + newest.get("subscriptionId").asText() + "']").size() == 1);
        browser.find("#sub-secret-done").click();
        assertThat(browser.find("#sub-created").isDisplayed()).isFalse();
        assertThat(browser.find("#sub-secret").getText()).isEmpty();

        // Deleted here once confirmed: not before.
        String other = "#subscriptions tr[data-subscription='" + newest.get("subscriptionId").asText() + "'] ";
        String question = "Delete the subscription to https://treasury.example.com/ledger-events? Its deliveries "
                + "stop and its delivery log is removed.";
        browser.find(other + "button[name=delete]").click();
        assertThat(browser.driver.switchTo().alert().getText()).isEqualTo(question);
        browser.driver.switchTo().alert().dismiss();
        assertThat(admin.get("/api/v1/subscriptions/" + newest.get("subscriptionId").asText()).statusCode())
                .isEqualTo(200);
        browser.find(other + "button[name=delete]").click();
        assertThat(browser.driver.switchTo().alert().getText()).isEqualTo(question);
        browser.driver.switchTo().alert().accept();
        eventually().until(() -> browser.find("#sub-message").getText()
                .equals("Deleted the subscription to https://treasury.example.com/ledger-events."));
        assertThat(admin.get("/api/v1/subscriptions/" + newest.get("subscriptionId").asText()).statusCode())
                .isEqualTo(404);
        eventually().until(() -> browser.all(other).isEmpty());
        assertThat(browser.all(row)).hasSize(1);
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();

        // Other roles neither see the page nor read it.
        browser.find("#sign-out").click();
        signIn(TestUsers.COMPLIANCE, "subscriptions");
        assertThat(visiblePages()).doesNotContain("subscriptions");
        eventually().until(() -> browser.find("#status").getText()
                .equals("Your roles (COMPLIANCE) may not read this page."));
        assertThat(browser.find("#page-subscriptions").isDisplayed()).isFalse();
        assertThat(admin.delete(subscription).statusCode()).isEqualTo(204);
    }

    @Test
    void anInvestorsHistoryIsTheApisPositionsMonthByMonth() {
        HttpClientSupport api = http(TestUsers.ANALYST);
        signIn(TestUsers.ANALYST, "history?program=STARGATE&subject=SOFTBANK");
        eventually().until(() -> browser.all("#history-table tbody tr").size() > 12);
        for (WebElement row : browser.all("#history-table tbody tr")) {
            String asOf = row.findElement(By.tagName("td")).getText();
            JsonNode investor = json(api.get("/api/v1/programs/STARGATE/investors/SOFTBANK?asOf=" + asOf));
            for (String field : List.of("committed", "called", "paidIn", "defaulted", "unfunded")) {
                assertThat(figure(row.findElement(By.cssSelector("td[data-field=" + field + "]"))))
                        .as("SOFTBANK " + field + " on " + asOf).isEqualTo(investor.get(field).asText());
            }
        }
        browser.screenshot("investor-history");
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    @Test
    void theCashFlowsPageShowsEachWaterfallTheDscrAndTheEventsOfDefaultAsTheApiGivesThem() {
        OperatingProgram.seed(http(TestUsers.TREASURY), "CONSOLE-OPS");
        awaitReadModels();
        signIn(TestUsers.ANALYST, "cashflows?program=CONSOLE-OPS&asOf=2027-10-01");
        eventually().until(() -> browser.find("#cf-terms").getText().startsWith("As of 2027-10-01:"));
        assertThat(browser.find("#cf-terms").getText()).isEqualTo("As of 2027-10-01: CONSOLE-OPS operates from "
                + "2026-07-01 in periods of 3 months; cash is locked up below a DSCR of 2.0000, an event of default "
                + "opens below 1.0500; the DSRA holds the next 1 period(s) of senior debt service.");

        // Figures by hand (OperatingProgram): Q4 2026 traps 8 million, Q1 2027 releases it; Q3 2027 has not run.
        String m20 = "20,000,000.00";
        List<List<String>> table = List.of(
                List.of("Period ending", "2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30"),
                List.of("Payment date", "2026-10-01", "2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01"),
                List.of("Revenue", "70,000,000.00", "38,000,000.00", "62,000,000.00", "10,000,000.00",
                        "40,000,000.00"),
                List.of("Operating costs", "10,000,000.00", "10,000,000.00", "10,000,000.00", "60,000,000.00",
                        "10,000,000.00"),
                List.of("Taxes", "5,000,000.00", "0.00", "0.00", "0.00", "0.00"),
                List.of("Maintenance capex", "5,000,000.00", "0.00", "0.00", "0.00", "0.00"),
                List.of("CFADS", "50,000,000.00", "28,000,000.00", "52,000,000.00", "-50,000,000.00",
                        "30,000,000.00"),
                List.of("Cash available", "50,000,000.00", "28,000,000.00", "52,000,000.00", "0.00", ""),
                List.of("Senior interest and fees: due", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Senior interest and fees: paid", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Senior interest and fees: shortfall", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Senior principal: due", m20, m20, m20, m20, ""),
                List.of("Senior principal: paid", m20, m20, m20, m20, ""),
                List.of("Senior principal: shortfall", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine interest and fees: due", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine interest and fees: paid", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine interest and fees: shortfall", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine principal: due", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine principal: paid", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("Mezzanine principal: shortfall", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("DSRA: opening", "0.00", m20, m20, m20, ""),
                List.of("DSRA: drawn", "0.00", "0.00", "0.00", m20, ""),
                List.of("DSRA: released", "0.00", "0.00", "0.00", "0.00", ""),
                List.of("DSRA: topped up", m20, "0.00", "0.00", "0.00", ""),
                List.of("DSRA: closing", m20, m20, m20, "0.00", ""),
                List.of("DSRA: target", m20, m20, m20, "120,000,000.00", ""),
                List.of("Lock-up: opening", "0.00", "0.00", "8,000,000.00", "0.00", ""),
                List.of("Lock-up: trapped", "0.00", "8,000,000.00", "0.00", "0.00", ""),
                List.of("Lock-up: released", "0.00", "0.00", "8,000,000.00", "0.00", ""),
                List.of("Lock-up: closing", "0.00", "8,000,000.00", "0.00", "0.00", ""),
                List.of("DSCR", "2.5000", "1.9500", "2.1667", "1.0000", ""),
                List.of("Distribution test", "Passed", "Failed, cash locked up: DSCR_BELOW_LOCK_UP", "Passed",
                        "Failed, cash locked up: DSCR_BELOW_LOCK_UP, DSRA_BELOW_TARGET, EVENT_OF_DEFAULT", "Not run"),
                List.of("Distributed", "10,000,000.00", "0.00", "40,000,000.00", "0.00", ""));
        assertThat(tableText("#cf-periods")).isEqualTo(table);
        assertThat(tableText("#cf-defaults")).containsExactly(
                List.of("Event of default", "Period end", "Reason", "Status"),
                List.of("EOD-2027-06-30-DSCR", "2027-06-30", "DSCR_BELOW_DEFAULT", "Waived"));
        assertFiguresAreTheApis("2027-10-01");

        // The charts: sources beside uses for each period (each pair of stacks adds up to the same), the DSCR line.
        assertThat(seriesShown("waterfall-chart")).containsExactly(
                List.of("Cash available", "sources", "50000000", "28000000", "52000000", "0", "-"),
                List.of("DSRA drawn", "sources", "0", "0", "0", "20000000", "-"),
                List.of("DSRA released", "sources", "0", "0", "0", "0", "-"),
                List.of("Lock-up released", "sources", "0", "0", "8000000", "0", "-"),
                List.of("Senior debt service (1-2)", "uses", "20000000", "20000000", "20000000", "20000000", "-"),
                List.of("DSRA topped up", "uses", "20000000", "0", "0", "0", "-"),
                List.of("Mezzanine debt service (4-5)", "uses", "0", "0", "0", "0", "-"),
                List.of("Lock-up trapped", "uses", "0", "8000000", "0", "0", "-"),
                List.of("Distributed", "uses", "10000000", "0", "40000000", "0", "-"));
        assertThat(seriesShown("dscr-chart")).containsExactly(
                List.of("DSCR", "-", "2.5", "1.95", "2.1667", "1", "-"),
                List.of("Lock-up", "-", "2", "2", "2", "2", "2"),
                List.of("Default", "-", "1.05", "1.05", "1.05", "1.05", "1.05"));
        assertThat(browser.all("#waterfall-chart canvas, #dscr-chart canvas")).hasSize(2);
        browser.screenshot("cash-flows");

        // By keyboard, the day before the waiver: the same periods but Q3 2027, and the event of default open.
        WebElement asOf = browser.find("#cf-as-of");
        asOf.clear();
        asOf.sendKeys("07/01/2027", Keys.ENTER);
        eventually().until(() -> browser.find("#cf-terms").getText().startsWith("As of 2027-07-01:"));
        assertThat(tableText("#cf-periods")).isEqualTo(table.stream().map(row -> row.subList(0, 5)).toList());
        assertThat(tableText("#cf-defaults")).containsExactly(
                List.of("Event of default", "Period end", "Reason", "Status"),
                List.of("EOD-2027-06-30-DSCR", "2027-06-30", "DSCR_BELOW_DEFAULT", "Open"));
        assertFiguresAreTheApis("2027-07-01");
        assertThat(seriesShown("dscr-chart").get(0)).containsExactly("DSCR", "-", "2.5", "1.95", "2.1667", "1");
        browser.driver.executeScript("document.getElementById('cf-periods').scrollIntoView();");
        browser.screenshot("cash-flows-table");

        // On a phone the page keeps to the screen's width; the table scrolls in its own box.
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        eventually().untilAsserted(() -> assertThat(((Number) browser.driver.executeScript(
                "return document.documentElement.scrollWidth;")).intValue()).as("the page's width")
                .isLessThanOrEqualTo(390));
        browser.screenshot("cash-flows-phone");

        // A program without operating terms (yet: the demo's take effect on 2026-12-01) shows that, and nothing else.
        browser.driver.get(console("cashflows?program=STARGATE&asOf=2026-11-30"));
        eventually().until(() -> browser.find("#cf-terms").getText()
                .equals("As of 2026-11-30: STARGATE has no operating terms."));
        assertThat(tableText("#cf-periods").get(0)).containsExactly("Period ending");
        assertThat(browser.find("#cf-no-defaults").getText()).isEqualTo("No event of default.");
        assertThat(browser.find("#cf-defaults").isDisplayed()).isFalse();

        // The demo's ten quarters: the 2028 lock-up and its cure, every figure the API's.
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
        browser.driver.get(console("cashflows?program=STARGATE&asOf=2029-06-30"));
        eventually().until(() -> browser.find("#cf-terms").getText().startsWith("As of 2029-06-30: STARGATE"));
        List<List<String>> demo = tableText("#cf-periods");
        assertThat(demo.get(0)).hasSize(11).startsWith("Period ending", "2027-03-31").endsWith("2029-06-30");
        assertThat(demo.stream().filter(row -> row.get(0).equals("Distribution test")).findFirst().orElseThrow())
                .containsExactly("Distribution test", "Passed", "Passed", "Passed", "Passed", "Passed", "Passed",
                        "Failed, cash locked up: DSCR_BELOW_LOCK_UP", "Failed, cash locked up: DSCR_BELOW_LOCK_UP",
                        "Passed", "Not run");
        assertFiguresAreTheApis("STARGATE", "2029-06-30");
        browser.driver.executeScript("window.scrollTo(0, 0);");
        browser.screenshot("cash-flows-stargate");
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    @Test
    void theInvestorPageShowsTheCapitalAccountTheCashFlowsAndTheReturnsAsTheApiGivesThem() {
        // OperatingProgram: A (60 %) and B (40 %) pay in 100 million on 2026-01-15 and receive 10 million on
        // 2026-10-01. The equity is written down to nothing at mid-year (no IRR while nothing came back), then valued
        // at 150 million at the year's end.
        HttpClientSupport treasury = http(TestUsers.TREASURY);
        OperatingProgram.seed(treasury, "CONSOLE-INV");
        for (String[] valuation : new String[][] {{"2026-06-30", "0.00"}, {"2026-12-31", "150000000.00"}}) {
            HttpResponse<String> recorded = treasury.postJson("/api/v1/programs/CONSOLE-INV/valuations", """
                    {"valuationDate":"%s","equityValue":"%s","currency":"USD"}""".formatted(valuation[0],
                    valuation[1]));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        }
        awaitReadModels();
        signIn(TestUsers.ANALYST, "investor?program=CONSOLE-INV&investor=A&quarter=2026-Q4");
        eventually().until(() -> browser.all("#inv-quarters tbody tr").size() == 4);

        // A in Q4 2026: 0 at the quarter's start, 6 million out, 90 million (60 % of 150) at its end.
        assertThat(tableText("#inv-account")).isEqualTo(List.of(
                List.of("", "Quarter 2026-10-01 to 2026-12-31", "Year to date 2026-01-01 to 2026-12-31"),
                List.of("Beginning NAV", "0.00", "0.00"),
                List.of("Contributions", "0.00", "60,000,000.00"),
                List.of("Less distributions", "6,000,000.00", "6,000,000.00"),
                List.of("Net change in value", "96,000,000.00", "36,000,000.00"),
                List.of("Ending NAV", "90,000,000.00", "90,000,000.00"),
                List.of("Committed", "60,000,000.00", "60,000,000.00"),
                List.of("Unfunded", "0.00", "0.00")));
        String irr = find(json(http(TestUsers.ANALYST).get("/api/v1/programs/CONSOLE-INV/returns?asOf=2026-12-31"))
                .get("investors"), "A").get("irrPct").asText();
        assertThat(tableText("#inv-quarters")).isEqualTo(List.of(
                List.of("Quarter end", "Contributions", "Distributions", "Contributed", "Distributed", "NAV",
                        "NAV basis", "DPI", "RVPI", "TVPI", "IRR %"),
                List.of("2026-03-31", "60,000,000.00", "0.00", "60,000,000.00", "0.00", "60,000,000.00", "COST",
                        "0.0000", "1.0000", "1.0000", "0.0000"),
                List.of("2026-06-30", "0.00", "0.00", "60,000,000.00", "0.00", "0.00", "VALUATION", "0.0000",
                        "0.0000", "0.0000", "not applicable"),
                List.of("2026-09-30", "0.00", "0.00", "60,000,000.00", "0.00", "0.00", "VALUATION", "0.0000",
                        "0.0000", "0.0000", "not applicable"),
                List.of("2026-12-31", "0.00", "6,000,000.00", "60,000,000.00", "6,000,000.00", "90,000,000.00",
                        "VALUATION", "0.1000", "1.5000", "1.6000", irr)));
        assertInvestorChartsAreTheApis("A", "2026-12-31");
        // The documents the API lists for A, each a PDF button.
        JsonNode documents = json(http(TestUsers.ANALYST).get("/api/v1/programs/CONSOLE-INV/investors/A/documents"));
        List<String> expected = new ArrayList<>();
        documents.get("statements").forEach(d -> expected.add("Capital account statement, " + d.get("from").asText()
                + " to " + d.get("to").asText() + " (PDF)"));
        documents.get("callNotices").forEach(d -> expected.add("Capital call notice " + d.get("callId").asText()
                + ", effective " + d.get("effectiveDate").asText() + " (PDF)"));
        documents.get("distributionNotices").forEach(d -> expected.add("Distribution notice, paid "
                + d.get("paymentDate").asText() + " (PDF)"));
        assertThat(expected).contains("Capital call notice C1, effective 2026-01-15 (PDF)",
                "Distribution notice, paid 2026-10-01 (PDF)");
        eventually().until(() -> browser.all("#inv-documents li button").size() == expected.size());
        assertThat(browser.all("#inv-documents li button").stream().map(WebElement::getText).toList())
                .isEqualTo(expected);
        assertThat(browser.find("#inv-no-documents").isDisplayed()).isFalse();
        assertThat(browser.all("#inv-flows-chart canvas, #inv-multiples-chart canvas, #inv-irr-chart canvas"))
                .hasSize(3);
        browser.screenshot("investor");

        // By keyboard: investor B, the third quarter.
        browser.find("#inv-investor").sendKeys("Beta");
        browser.find("#inv-quarter").sendKeys("Q3");
        browser.find("#inv-year").sendKeys(Keys.ENTER);
        eventually().until(() -> browser.find("#inv-account th.num").getText()
                .equals("Quarter 2026-07-01 to 2026-09-30"));
        assertThat(tableText("#inv-account")).isEqualTo(List.of(
                List.of("", "Quarter 2026-07-01 to 2026-09-30", "Year to date 2026-01-01 to 2026-09-30"),
                List.of("Beginning NAV", "0.00", "0.00"),
                List.of("Contributions", "0.00", "40,000,000.00"),
                List.of("Less distributions", "0.00", "0.00"),
                List.of("Net change in value", "0.00", "-40,000,000.00"),
                List.of("Ending NAV", "0.00", "0.00"),
                List.of("Committed", "40,000,000.00", "40,000,000.00"),
                List.of("Unfunded", "0.00", "0.00")));
        eventually().until(() -> browser.all("#inv-quarters tbody tr").size() == 3);
        assertInvestorChartsAreTheApis("B", "2026-09-30");

        // On a phone the page keeps to the screen's width; the tables scroll in their own boxes.
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        eventually().untilAsserted(() -> assertThat(((Number) browser.driver.executeScript(
                "return document.documentElement.scrollWidth;")).intValue()).as("the page's width")
                .isLessThanOrEqualTo(390));
        browser.screenshot("investor-phone");
        assertEveryControlIsLabelled();

        // The demo's SOFTBANK through the 2028 lock-up: its capital account the API's, figure by figure.
        browser.driver.manage().window().setSize(new Dimension(1280, 1400));
        browser.driver.get(console("investor?program=STARGATE&investor=SOFTBANK&quarter=2029-Q2"));
        eventually().until(() -> browser.find("#inv-quarters tbody tr:last-child").getAttribute("data-quarter")
                .equals("2029-06-30") && browser.find("#inv-period").getText().startsWith("SOFTBANK in STARGATE"));
        HttpClientSupport api = http(TestUsers.ANALYST);
        String account = "/api/v1/programs/STARGATE/investors/SOFTBANK/capital-account";
        Map<String, JsonNode> periods = Map.of("quarter", json(api.get(account + "?from=2029-04-01&to=2029-06-30")),
                "year", json(api.get(account + "?from=2029-01-01&to=2029-06-30")));
        periods.forEach((period, figures) -> {
            for (String field : List.of("beginningNav", "contributions", "distributions", "netChangeInValue",
                    "endingNav", "committed", "unfunded")) {
                assertThat(figure(browser.find("#inv-account tr[data-field=" + field + "] td[data-period=" + period
                        + "]"))).as(period + " " + field).isEqualTo(figures.get(field).asText());
            }
        });
        browser.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        browser.screenshot("investor-stargate");
        assertThat(browser.severeLogs()).isEmpty();

        // An investor signed in sees this page only, for itself: A's account, no picker, no returns it may not read.
        browser.find("#sign-out").click();
        signIn(TestUsers.INVESTOR, "investor?program=CONSOLE-INV&quarter=2026-Q4");
        assertThat(visiblePages()).isEqualTo(List.of("investor"));
        eventually().until(() -> browser.find("#inv-period").getText().startsWith("A in CONSOLE-INV"));
        assertThat(tableText("#inv-account").get(5)).isEqualTo(List.of("Ending NAV", "90,000,000.00",
                "90,000,000.00"));
        eventually().until(() -> browser.all("#inv-documents li button").size() == expected.size());
        assertThat(browser.severeLogs()).isEmpty();
    }

    /**
     * The charts hold the API's figures at each quarter end from the first contribution: each quarter's flows from
     * its capital accounts (contributions below the line), the multiples and the IRR from the returns at its end.
     */
    private void assertInvestorChartsAreTheApis(String investorId, String last) {
        HttpClientSupport api = http(TestUsers.ANALYST);
        List<String> contributions = new ArrayList<>(List.of("Contributions", "flows"));
        List<String> distributions = new ArrayList<>(List.of("Distributions", "flows"));
        Map<String, List<String>> returns = new LinkedHashMap<>();
        for (String field : List.of("dpi", "rvpi", "tvpi", "irrPct")) {
            String name = field.equals("irrPct") ? "IRR %" : field.toUpperCase();
            returns.put(field, new ArrayList<>(List.of(name, "-")));
        }
        for (String[] quarter : new String[][] {{"2026-01-01", "2026-03-31"}, {"2026-04-01", "2026-06-30"},
                {"2026-07-01", "2026-09-30"}, {"2026-10-01", "2026-12-31"}}) {
            if (quarter[1].compareTo(last) > 0) {
                break;
            }
            JsonNode accounts = json(api.get("/api/v1/programs/CONSOLE-INV/capital-accounts?from=" + quarter[0]
                    + "&to=" + quarter[1]));
            JsonNode account = find(accounts.get("investors"), investorId);
            contributions.add(chartNumber(new BigDecimal(account.get("contributions").asText()).negate()));
            distributions.add(chartNumber(new BigDecimal(account.get("distributions").asText())));
            JsonNode figures = find(json(api.get("/api/v1/programs/CONSOLE-INV/returns?asOf=" + quarter[1]))
                    .get("investors"), investorId);
            returns.forEach((field, series) -> series.add(figures.get(field).isNull() ? "-"
                    : chartNumber(new BigDecimal(figures.get(field).asText()))));
        }
        assertThat(seriesShown("inv-flows-chart")).containsExactly(contributions, distributions);
        assertThat(seriesShown("inv-multiples-chart")).containsExactly(returns.get("dpi"), returns.get("rvpi"),
                returns.get("tvpi"));
        assertThat(seriesShown("inv-irr-chart")).containsExactly(returns.get("irrPct"));
    }

    private static JsonNode find(JsonNode investors, String investorId) {
        for (JsonNode investor : investors) {
            if (investor.get("investorId").asText().equals(investorId)) {
                return investor;
            }
        }
        throw new AssertionError(investorId + " not in " + investors);
    }

    /** A decimal as JavaScript prints the number a chart holds (no trailing zeros, no exponent at these sizes). */
    private static String chartNumber(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Every figure of the periods table is the API's own decimal string, thousands separators aside. */
    private void assertFiguresAreTheApis(String asOf) {
        assertFiguresAreTheApis("CONSOLE-OPS", asOf);
    }

    private void assertFiguresAreTheApis(String program, String asOf) {
        JsonNode flows = json(http(TestUsers.ANALYST).get("/api/v1/programs/" + program + "/cash-flows?asOf=" + asOf));
        for (JsonNode period : flows.get("periods")) {
            String end = period.get("periodEnd").asText();
            assertThat(shownAt("cfads", end)).isEqualTo(period.get("cfads").asText());
            JsonNode waterfall = period.get("waterfall");
            if (waterfall.isNull()) {
                assertThat(shownAt("distributed", end)).isEmpty();
                continue;
            }
            for (JsonNode step : waterfall.get("steps")) {
                for (String figure : List.of("due", "paid", "shortfall")) {
                    assertThat(shownAt(step.get("step").asText() + "." + figure, end)).as(end + " " + step)
                            .isEqualTo(step.get(figure).asText());
                }
            }
            for (String account : List.of("dsra", "lockUp")) {
                waterfall.get(account).fields().forEachRemaining(figure -> assertThat(shownAt(account + "."
                        + figure.getKey(), end)).as(end + " " + account).isEqualTo(figure.getValue().asText()));
            }
            assertThat(shownAt("dscr", end)).isEqualTo(waterfall.get("dscr").asText());
            assertThat(shownAt("distributed", end)).isEqualTo(waterfall.get("distributed").asText());
        }
    }

    private String shownAt(String field, String periodEnd) {
        return figure(browser.find("#cf-periods tr[data-field='" + field + "'] td[data-period='" + periodEnd + "']"));
    }

    /** Each row's cells (headers included) as the page holds them. */
    @SuppressWarnings("unchecked")
    private List<List<String>> tableText(String table) {
        return (List<List<String>>) browser.driver.executeScript("return [...document.querySelectorAll(arguments[0] "
                + "+ ' tr')].map(row => [...row.cells].map(cell => cell.textContent));", table);
    }

    /** Each series of the chart as its ECharts instance holds it: name, stack and data ("-" for no value). */
    @SuppressWarnings("unchecked")
    private List<List<String>> seriesShown(String chart) {
        return (List<List<String>>) browser.driver.executeScript("return echarts.getInstanceByDom(document"
                + ".getElementById(arguments[0])).getOption().series.map(s => [s.name, s.stack || '-', "
                + "...s.data.map(v => v === null || v === undefined ? '-' : String(v))]);", chart);
    }

    @Test
    void onAPhoneTheCapitalStackFitsTheScreenWidth() {
        browser.close();
        browser = new Browser(390, 844);
        signIn(TestUsers.ANALYST, "stack?program=STARGATE");
        awaitFiguresAsOf(LocalDate.now(ZoneOffset.UTC).toString());
        Number pageWidth = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth.intValue()).as("no sideways scrolling of the page (tables scroll in their own box)")
                .isLessThanOrEqualTo(390);
        browser.screenshot("capital-stack-phone");
        assertEveryControlIsLabelled();
        assertThat(browser.severeLogs()).isEmpty();
    }

    /** Every control shown has a label a screen reader announces (a label element or aria-label). */
    private void assertEveryControlIsLabelled() {
        Object unlabelled = browser.driver.executeScript("return [...document.querySelectorAll('input, select, "
                + "textarea, button')].filter(e => e.offsetParent !== null).filter(e => (e.labels === null "
                + "|| e.labels.length === 0) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' "
                + "&& e.textContent.trim())).map(e => e.id || e.name || e.outerHTML);");
        assertThat((List<?>) unlabelled).isEmpty();
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
