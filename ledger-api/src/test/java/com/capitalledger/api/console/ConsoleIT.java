package com.capitalledger.api.console;

import com.capitalledger.api.demo.StargateDemo;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium, against the service over HTTP: signed in as each role, it shows the API's
 * own figures, nothing a role may not read, and nothing its Content-Security-Policy refuses. Screenshots of each page
 * are kept in target/console-screenshots.
 */
@TestPropertySource(properties = "ledger.test.context=console")
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
                TestUsers.TREASURY, List.of("stack", "history", "whatif"),
                TestUsers.ANALYST, List.of("stack", "history", "whatif"),
                TestUsers.COMPLIANCE, List.of("stack", "history", "timeline", "whatif", "journal"),
                TestUsers.ADMIN, List.of("stack", "history", "timeline", "whatif", "journal"));
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
