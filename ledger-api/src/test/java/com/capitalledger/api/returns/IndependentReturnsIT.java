package com.capitalledger.api.returns;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.cashflow.independent.ReturnsHistory;
import com.capitalledger.core.cashflow.independent.SimpleIrr;
import com.capitalledger.core.cashflow.independent.SimpleReturns;
import com.capitalledger.core.shared.ProgramCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 10's acceptance over real HTTP: one generated program ({@link ReturnsHistory}, seed {@value #SEED}: calls,
 * defaults and cures, an allocation defaulting again after its cure, waterfalls that distribute, valuations back-dated
 * and replaced) is posted through the
 * service's command gateway, and every figure of {@code GET /returns} at several dates and of {@code GET
 * /capital-accounts} and {@code /investors/{id}/capital-account} over several periods, now and as known half-way
 * through, equals the independent computation ({@link SimpleReturns}, {@link SimpleIrr}) of the same events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentReturnsIT extends IntegrationTest {

    private static final long SEED = 20261156L;
    private static final String P = "RETURNS-IT";
    private static final String BASE = "/api/v1/programs/" + P;

    @Autowired
    private CommandGateway commands;

    private ReturnsHistory history;
    private SimpleReturns model;
    private int halfWay;
    private Instant halfWayAt;

    @BeforeAll
    void postTheProgram() {
        history = ReturnsHistory.generate(new Random(SEED), P);
        model = new SimpleReturns(history.events());
        List<ProgramCommand> all = history.commands();
        halfWay = all.size() / 2;
        for (int i = 0; i < all.size(); i++) {
            commands.sendAndWait(all.get(i));
            if (i == halfWay - 1) {
                halfWayAt = betweenMillis();
            }
        }
        awaitReadModels();
    }

    /** An instant (whole milliseconds, as queries take it) after every event so far and before any later one. */
    private static Instant betweenMillis() {
        Instant after = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        while (!Instant.now().isAfter(after.plusMillis(1))) {
            Thread.onSpinWait();
        }
        return after;
    }

    @Test
    void theHistoryIsRichEnoughToMeanSomething() {
        assertThat(history.paymentDates()).as("waterfalls that distributed").hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.valuationDates()).as("valuations").hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.commands()).as("defaults and cures").anyMatch(c -> c.getClass().getSimpleName()
                .equals("CureCallDefault"));
    }

    @Test
    void returnsAgreeFigureByFigureAtEveryDate() {
        TreeSet<LocalDate> dates = new TreeSet<>(history.paymentDates());
        dates.addAll(history.valuationDates().stream().filter(d -> !d.isBefore(history.start())).toList());
        dates.add(history.start());
        dates.add(history.end().plusDays(30));
        int irrs = 0;
        for (LocalDate asOf : dates) {
            irrs += compareReturns(asOf, null, history.events().size());
        }
        for (LocalDate asOf : List.of(dates.first(), dates.last())) {
            irrs += compareReturns(asOf, halfWayAt, halfWay);
        }
        assertThat(irrs).as("IRRs compared").isGreaterThanOrEqualTo(dates.size());
    }

    @Test
    void capitalAccountsAgreeFigureByFigureForEveryPeriod() {
        List<LocalDate> ends = new ArrayList<>(history.paymentDates());
        LocalDate start = history.start();
        LocalDate end = history.end().plusDays(30);
        List<LocalDate[]> periods = new ArrayList<>();
        periods.add(new LocalDate[]{start, end});
        periods.add(new LocalDate[]{start, ends.get(0)});
        periods.add(new LocalDate[]{ends.get(0).plusDays(1), ends.get(ends.size() - 1)});
        periods.add(new LocalDate[]{ends.get(ends.size() - 1), end});
        for (LocalDate[] period : periods) {
            compareAccounts(period[0], period[1], null, history.events().size());
        }
        compareAccounts(start, end, halfWayAt, halfWay);
    }

    private int compareReturns(LocalDate asOf, Instant knownAt, int known) {
        String path = BASE + "/returns?asOf=" + asOf + (knownAt == null ? "" : "&knownAt=" + knownAt);
        JsonNode answer = get(path);
        SimpleReturns.Returns mine = model.returns(asOf, known);
        List<String> ids = new ArrayList<>();
        answer.get("investors").forEach(i -> ids.add(i.get("investorId").asText()));
        assertThat(ids).as(path + " investors").containsExactlyInAnyOrderElementsOf(mine.investors().keySet());
        int irrs = 0;
        for (JsonNode investor : answer.get("investors")) {
            irrs += compare(path + " " + investor.get("investorId").asText(), investor,
                    mine.investors().get(investor.get("investorId").asText()));
        }
        return irrs + compare(path + " program", answer.get("program"), mine.program());
    }

    private static int compare(String at, JsonNode node, SimpleReturns.Figures m) {
        assertThat(java.util.Arrays.asList(text(node, "contributed"), text(node, "distributed"), text(node, "nav"),
                text(node, "navBasis"), text(node, "dpi"), text(node, "rvpi"), text(node, "tvpi")))
                .as(at + " contributed, distributed, nav, navBasis, dpi, rvpi, tvpi")
                .containsExactly(plain(m.contributed()), plain(m.distributed()), plain(m.nav()), m.navBasis(),
                        plain(m.dpi()), plain(m.rvpi()), plain(m.tvpi()));
        SimpleIrr.Answer irr = m.irr();
        if (irr.ambiguous() || irr.nearRoundingBoundary()
                || irr.exactPct() != null && irr.exactPct().abs().compareTo(new BigDecimal("1e8")) > 0) {
            return 0;
        }
        assertThat(text(node, "irrPct")).as(at + " irrPct (exact " + irr.exactPct() + ")").isEqualTo(plain(irr.pct()));
        return 1;
    }

    private void compareAccounts(LocalDate from, LocalDate to, Instant knownAt, int known) {
        String query = "?from=" + from + "&to=" + to + (knownAt == null ? "" : "&knownAt=" + knownAt);
        JsonNode all = get(BASE + "/capital-accounts" + query);
        Map<String, SimpleReturns.Account> mine = model.capitalAccounts(from, to, known);
        List<String> ids = new ArrayList<>();
        all.get("investors").forEach(i -> ids.add(i.get("investorId").asText()));
        assertThat(ids).as(query + " investors").containsExactlyInAnyOrderElementsOf(mine.keySet());
        BigDecimal[] sum = new BigDecimal[7];
        java.util.Arrays.fill(sum, new BigDecimal("0.00"));
        for (JsonNode investor : all.get("investors")) {
            String id = investor.get("investorId").asText();
            List<String> figures = accountFigures(investor);
            assertThat(figures).as(query + " " + id + " " + FIGURES).containsExactlyElementsOf(expected(mine.get(id)));
            // The one investor's own document says the same.
            assertThat(accountFigures(get(BASE + "/investors/" + id + "/capital-account" + query)))
                    .as(query + " " + id + " alone").containsExactlyElementsOf(figures);
            BigDecimal beginning = new BigDecimal(figures.get(0));
            assertThat(beginning.add(new BigDecimal(figures.get(1))).subtract(new BigDecimal(figures.get(2)))
                    .add(new BigDecimal(figures.get(3)))).as(query + " " + id + " roll-forward")
                    .isEqualTo(new BigDecimal(figures.get(4)));
            for (int i = 0; i < 7; i++) {
                sum[i] = sum[i].add(new BigDecimal(figures.get(i)));
            }
        }
        assertThat(accountFigures(all.get("program"))).as(query + " program = sum of investors")
                .containsExactly(java.util.Arrays.stream(sum).map(BigDecimal::toPlainString).toArray(String[]::new));
    }

    private static final String FIGURES = "beginningNav, contributions, distributions, netChangeInValue, endingNav, "
            + "committed, unfunded";

    private static List<String> accountFigures(JsonNode node) {
        List<String> figures = new ArrayList<>();
        for (String name : FIGURES.split(", ")) {
            figures.add(text(node, name));
        }
        return figures;
    }

    private static List<String> expected(SimpleReturns.Account a) {
        return List.of(plain(a.beginningNav()), plain(a.contributions()), plain(a.distributions()),
                plain(a.netChangeInValue()), plain(a.endingNav()), plain(a.committed()), plain(a.unfunded()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field + " in " + node).isNotNull();
        return value.isNull() ? null : value.asText();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String plain(String value) {
        return value;
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json(response);
    }
}
