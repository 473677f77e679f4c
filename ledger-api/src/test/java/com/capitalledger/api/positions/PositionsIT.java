package com.capitalledger.api.positions;

import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.ScriptedHistory;
import com.capitalledger.projections.eventstore.StoredEvent;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.positions.PositionsFold;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Positions over HTTP after the scripted history, for today and two past dates, and as known before a back-dated
 * fixing. Past figures come from {@code positions_expected.py} (exact rationals); today's accruals from a day-by-day
 * loop in this test, itself checked against the script's figures for 2025-12-31.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PositionsIT extends IntegrationTest {

    private static final String P = "POSITIONS-IT";
    private static final String BASE = "/api/v1/programs/" + P;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStoreReader eventStore;

    @Autowired
    private ObjectMapper mapper;

    private Instant beforeCorrection;

    @BeforeAll
    void scriptTheHistory() {
        ScriptedHistory history = new ScriptedHistory(commands, P, "TERM-SOFR-1M");
        beforeCorrection = history.runUntilBeforeCorrection();
        history.recordBackDatedFixing();
        awaitReadModels();
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static void assertInvestor(JsonNode positions, int index, String id, String name, String committed,
                                       String called, String paidIn, String defaulted, String unfunded, String own,
                                       String ownPaidIn, String status, String... openCalls) {
        JsonNode investor = positions.get("investors").get(index);
        assertThat(investor.get("investorId").asText()).isEqualTo(id);
        assertThat(investor.get("name").asText()).isEqualTo(name);
        assertThat(investor.get("committed").asText()).isEqualTo(committed);
        assertThat(investor.get("called").asText()).isEqualTo(called);
        assertThat(investor.get("paidIn").asText()).isEqualTo(paidIn);
        assertThat(investor.get("defaulted").asText()).isEqualTo(defaulted);
        assertThat(investor.get("unfunded").asText()).isEqualTo(unfunded);
        assertThat(investor.get("ownershipPct").asText()).isEqualTo(own);
        assertThat(investor.get("ownershipPctPaidIn").asText()).isEqualTo(ownPaidIn);
        assertThat(investor.get("status").asText()).isEqualTo(status);
        assertThat(investor.get("openDefaultCalls")).extracting(JsonNode::asText).containsExactly(openCalls);
    }

    private static void assertLender(JsonNode tranche, int index, String id, String drawn, String repaid,
                                     String outstanding) {
        JsonNode lender = tranche.get("lenders").get(index);
        assertThat(lender.get("lenderId").asText()).isEqualTo(id);
        assertThat(lender.get("drawn").asText()).isEqualTo(drawn);
        assertThat(lender.get("repaid").asText()).isEqualTo(repaid);
        assertThat(lender.get("outstanding").asText()).isEqualTo(outstanding);
    }

    @Test
    void asOfMidAprilTheDefaultIsOpenAndInterestFollowsTheCorrectedFixing() {
        JsonNode p = get(BASE + "/positions?asOf=2025-04-15");

        assertThat(p.get("asOf").asText()).isEqualTo("2025-04-15");
        assertInvestor(p, 0, "A", "Alpha", "60000000.00", "6000000.01", "6000000.01", "0.00", "53999999.99",
                "60.000000", "66.666667", "ACTIVE");
        assertInvestor(p, 1, "B", "Beta", "30000000.00", "3000000.00", "3000000.00", "0.00", "27000000.00",
                "30.000000", "33.333333", "ACTIVE");
        assertInvestor(p, 2, "C", "Gamma", "10000000.00", "1000000.00", "0.00", "1000000.00", "9000000.00",
                "10.000000", "0.000000", "IN_DEFAULT", "C1");
        JsonNode totals = p.get("equityTotals");
        assertThat(totals.get("called").asText()).isEqualTo("10000000.01");
        assertThat(totals.get("paidIn").asText()).isEqualTo("9000000.01");
        assertThat(totals.get("defaulted").asText()).isEqualTo("1000000.00");
        assertThat(totals.get("unfunded").asText()).isEqualTo("89999999.99");
        assertThat(totals.get("ownershipPctSum").asText()).isEqualTo("100.000000");

        JsonNode t1 = p.get("tranches").get(0);
        assertThat(t1.get("drawn").asText()).isEqualTo("9000000.00");
        assertThat(t1.get("outstanding").asText()).isEqualTo("9000000.00");
        assertThat(t1.get("undrawn").asText()).isEqualTo("41000000.00");
        assertThat(t1.get("baseRatePct").asText()).isEqualTo("4.50000");
        assertThat(t1.get("marginPct").asText()).isEqualTo("2.00000");
        assertThat(t1.get("allInRatePct").asText()).isEqualTo("6.50000");
        assertThat(t1.get("commitmentFeePct").asText()).isEqualTo("0.50000");
        assertThat(t1.get("accruedInterest").asText()).isEqualTo("73200.00");
        assertThat(t1.get("accruedCommitmentFee").asText()).isEqualTo("45638.89");
        assertLender(t1, 0, "L1", "5400000.00", "0.00", "5400000.00");
        assertLender(t1, 1, "L2", "3600000.00", "0.00", "3600000.00");

        JsonNode capitalisation = p.get("capitalisation");
        assertThat(capitalisation.get("paidInEquity").asText()).isEqualTo("9000000.01");
        assertThat(capitalisation.get("outstandingDebt").asText()).isEqualTo("9000000.00");
        assertThat(capitalisation.get("totalCapitalisation").asText()).isEqualTo("18000000.01");
        assertThat(capitalisation.get("debtPctOfCapitalisation").asText()).isEqualTo("50.000000");
        assertThat(capitalisation.get("covenantOk").asBoolean()).isTrue();

        JsonNode phase = p.get("phases").get(0);
        assertThat(phase.get("phaseId").asText()).isEqualTo("PH1");
        assertThat(phase.get("equityCalled").asText()).isEqualTo("10000000.01");
        assertThat(phase.get("debtDrawn").asText()).isEqualTo("9000000.00");
        assertThat(phase.get("deployed").asText()).isEqualTo("19000000.01");
        assertThat(phase.get("remaining").asText()).isEqualTo("480999999.99");
    }

    @Test
    void asOfJuneEndTheRepaymentAndRepricingCount() {
        JsonNode p = get(BASE + "/positions?asOf=2025-06-30");

        JsonNode t1 = p.get("tranches").get(0);
        assertThat(t1.get("repaid").asText()).isEqualTo("3000000.00");
        assertThat(t1.get("outstanding").asText()).isEqualTo("6000000.00");
        assertThat(t1.get("marginPct").asText()).isEqualTo("2.50000");
        assertThat(t1.get("allInRatePct").asText()).isEqualTo("7.00000");
        assertThat(t1.get("accruedInterest").asText()).isEqualTo("166158.33");
        assertThat(t1.get("accruedCommitmentFee").asText()).isEqualTo("88916.67");
        assertThat(t1.get("marginHistory")).hasSize(2);
        assertThat(t1.get("marginHistory").get(1).get("effectiveDate").asText()).isEqualTo("2025-06-01");
        assertLender(t1, 0, "L1", "5400000.00", "1800000.00", "3600000.00");
        assertLender(t1, 1, "L2", "3600000.00", "1200000.00", "2400000.00");
        assertThat(p.get("capitalisation").get("debtPctOfCapitalisation").asText()).isEqualTo("40.000000");
    }

    @Test
    void theBackDatedFixingChangesInterestAsOfNowButNotAsKnownBeforeItWasRecorded() {
        String before = beforeCorrection.toString();
        JsonNode known = get(BASE + "/positions?asOf=2025-06-30&knownAt=" + before);
        JsonNode now = get(BASE + "/positions?asOf=2025-06-30");

        assertThat(Instant.parse(known.get("knownAt").asText())).isEqualTo(beforeCorrection.truncatedTo(ChronoUnit.MILLIS));
        assertThat(known.get("tranches").get(0).get("accruedInterest").asText()).isEqualTo("162625.00");
        assertThat(known.get("tranches").get(0).get("baseRatePct").asText()).isEqualTo("4.30000");
        assertThat(now.get("tranches").get(0).get("accruedInterest").asText()).isEqualTo("166158.33");
        assertThat(now.get("tranches").get(0).get("baseRatePct").asText()).isEqualTo("4.50000");
        // Everything else was known before the correction.
        assertThat(known.get("investors")).isEqualTo(now.get("investors"));
        assertThat(known.get("tranches").get(0).get("lenders")).isEqualTo(now.get("tranches").get(0).get("lenders"));
    }

    @Test
    void todayEveryFigureMatchesTheScheduleAndTheDayByDayAccrual() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode p = get(BASE + "/positions");

        assertThat(p.get("asOf").asText()).isEqualTo(today.toString());
        assertInvestor(p, 0, "A", "Alpha", "60000000.00", "11400000.01", "11400000.01", "0.00", "48599999.99",
                "60.000000", "60.000000", "ACTIVE");
        assertInvestor(p, 1, "B", "Beta", "30000000.00", "5700000.00", "5700000.00", "0.00", "24300000.00",
                "30.000000", "30.000000", "ACTIVE");
        assertInvestor(p, 2, "C", "Gamma", "10000000.00", "1900000.00", "1900000.00", "0.00", "8100000.00",
                "10.000000", "10.000000", "ACTIVE");
        JsonNode t1 = p.get("tranches").get(0);
        assertThat(t1.get("outstanding").asText()).isEqualTo("10567890.12");
        assertLender(t1, 0, "L1", "8140734.07", "1800000.00", "6340734.07");
        assertLender(t1, 1, "L2", "5427156.05", "1200000.00", "4227156.05");

        assertThat(dayByDay(LocalDate.of(2025, 12, 31))).containsExactly(new BigDecimal("489185.50"),
                new BigDecimal("185954.41"));
        BigDecimal[] accrued = dayByDay(today);
        assertThat(t1.get("accruedInterest").asText()).isEqualTo(accrued[0].toPlainString());
        assertThat(t1.get("accruedCommitmentFee").asText()).isEqualTo(accrued[1].toPlainString());
        JsonNode debt = p.get("debtTotals");
        assertThat(debt.get("accruedInterest").asText()).isEqualTo(accrued[0].toPlainString());
        assertThat(debt.get("outstanding").asText()).isEqualTo("10567890.12");
        assertThat(p.get("capitalisation").get("debtPctOfCapitalisation").asText()).isEqualTo("35.741103");
    }

    @Test
    void foldingTheEventStoreInMemoryGivesTheSamePositionsAsTheStoredReadModels() throws Exception {
        List<Recorded<?>> events = eventStore.read(stream -> stream.map(StoredEvent::recorded)
                .<Recorded<?>>map(recorded -> recorded).toList());
        String now = Instant.now().toString();

        for (String query : List.of("asOf=2025-04-15&knownAt=" + now, "asOf=2025-06-30&knownAt=" + beforeCorrection,
                "asOf=2025-12-31&knownAt=" + now)) {
            String[] parts = query.split("&");
            Bitemporal at = new Bitemporal(LocalDate.parse(parts[0].substring(5)), Instant.parse(parts[1].substring(8)));
            ProgramPositions inMemory = PositionsFold.positions(events, P, at).orElseThrow();

            assertThat(mapper.readTree(mapper.writeValueAsString(inMemory))).as(query)
                    .isEqualTo(get(BASE + "/positions?" + query));
        }
    }

    @Test
    void oneInvestorOneTrancheAndOneCallCanBeReadAlone() {
        JsonNode c = get(BASE + "/investors/C?asOf=2025-04-15");
        assertThat(c.get("status").asText()).isEqualTo("IN_DEFAULT");
        assertThat(c.get("paidIn").asText()).isEqualTo("0.00");

        JsonNode t1 = get(BASE + "/tranches/T1?asOf=2025-06-30");
        assertThat(t1.get("accruedInterest").asText()).isEqualTo("166158.33");

        JsonNode call = get(BASE + "/capital-calls/C1?asOf=2025-04-15");
        assertThat(call.get("amount").asText()).isEqualTo("10000000.01");
        assertThat(call.get("allocations")).extracting(a -> a.get("investorId").asText() + " "
                + a.get("amount").asText() + " " + a.get("status").asText())
                .containsExactly("A 6000000.01 ALLOCATED", "B 3000000.00 ALLOCATED", "C 1000000.00 IN_DEFAULT");
        assertThat(get(BASE + "/capital-calls/C1").get("allocations").get(2).get("status").asText())
                .isEqualTo("ALLOCATED");
    }

    @Test
    void unknownThingsAndBadDatesAreProblemsNotErrors() {
        assertThat(http().get(BASE + "/investors/NOBODY").statusCode()).isEqualTo(404);
        assertThat(json(http().get(BASE + "/investors/NOBODY")).get("code").asText()).isEqualTo("UNKNOWN_INVESTOR");
        assertThat(json(http().get(BASE + "/tranches/NOPE")).get("code").asText()).isEqualTo("UNKNOWN_TRANCHE");
        assertThat(json(http().get(BASE + "/capital-calls/NOPE")).get("code").asText()).isEqualTo("UNKNOWN_CALL");
        assertThat(json(http().get("/api/v1/programs/NOPE/positions")).get("code").asText()).isEqualTo("NO_PROGRAM");
        assertThat(http().get(BASE + "/positions?knownAt=2000-01-01T00:00:00Z").statusCode())
                .as("the program was not yet known then").isEqualTo(404);
        HttpResponse<String> badDate = http().get(BASE + "/positions?asOf=2025-13-01");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }

    /**
     * [interest, fee] through {@code day}, walking every day from the tranche's creation: end-of-day balance times
     * (rate + margin), summed exactly, divided by 36,000 and rounded half-even once. Fee on commitment less
     * cumulative draws, until availability ends on 2026-12-31.
     */
    private static BigDecimal[] dayByDay(LocalDate until) {
        Map<LocalDate, BigDecimal> balance = new TreeMap<>(Map.of(LocalDate.of(2025, 3, 1), new BigDecimal("9000000.00"),
                LocalDate.of(2025, 5, 1), new BigDecimal("-3000000.00"), LocalDate.of(2025, 9, 1), new BigDecimal("4567890.12")));
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal drawn = BigDecimal.ZERO;
        for (LocalDate d = LocalDate.of(2025, 2, 1); !d.isAfter(until); d = d.plusDays(1)) {
            BigDecimal change = balance.getOrDefault(d, BigDecimal.ZERO);
            owed = owed.add(change);
            if (change.signum() > 0) {
                drawn = drawn.add(change);
            }
            BigDecimal rate = new BigDecimal(d.isBefore(LocalDate.of(2025, 4, 1)) ? "4.30" : "4.50");
            BigDecimal margin = new BigDecimal(d.isBefore(LocalDate.of(2025, 6, 1)) ? "2.00" : "2.50");
            interest = interest.add(owed.multiply(rate.add(margin)));
            if (!d.isAfter(LocalDate.of(2026, 12, 31))) {
                fee = fee.add(new BigDecimal("50000000.00").subtract(drawn).multiply(new BigDecimal("0.50")));
            }
        }
        BigDecimal days360 = new BigDecimal("36000");
        return new BigDecimal[]{interest.divide(days360, 2, RoundingMode.HALF_EVEN),
                fee.divide(days360, 2, RoundingMode.HALF_EVEN)};
    }
}
