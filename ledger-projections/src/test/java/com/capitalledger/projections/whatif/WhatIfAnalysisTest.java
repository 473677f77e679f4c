package com.capitalledger.projections.whatif;

import com.capitalledger.core.InMemoryLedger;
import com.capitalledger.core.StargateHistory;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.whatif.Change;
import com.capitalledger.core.whatif.JournalEntry;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.positions.PositionsFold;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.capitalledger.projections.fold.returns.ReturnsView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.capitalledger.core.StargateHistory.P;
import static com.capitalledger.core.StargateHistory.d;
import static com.capitalledger.core.StargateHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The what-if analysis on the Stargate history and on a small operating program, against positions, cash flows and
 * returns folded from histories posted through the live path.
 */
class WhatIfAnalysisTest {

    private static final List<LedgerCommand> HISTORY = StargateHistory.commands();
    private static final List<LocalDate> DATES = List.of(day("2025-03-31"), day("2025-06-30"), day("2025-09-30"),
            day("2025-12-31"), day("2026-06-30"));
    private static List<JournalEntry> recorded;

    @BeforeAll
    static void recordTheHistory() {
        recorded = posted(HISTORY);
    }

    private static List<JournalEntry> posted(List<LedgerCommand> commands) {
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            for (LedgerCommand command : commands) {
                try {
                    ledger.commands().sendAndWait(command);
                } catch (LedgerRejection refused) {
                    // The comparison below shows the branch refusing the same commands.
                }
            }
            return ledger.journal();
        }
    }

    /** Positions folded from a journal at a date, as known at the end of time (every entry counts). */
    private static ProgramPositions positions(List<JournalEntry> journal, LocalDate asOf) {
        return PositionsFold.positions(recorded(journal), P.value(), new Bitemporal(asOf, Instant.MAX)).orElseThrow();
    }

    /** The cash-flows document folded from a journal at a date, as known at the end of time. */
    private static CashFlowsView cashFlows(List<JournalEntry> journal, String program, LocalDate asOf) {
        return PositionsFold.of(recorded(journal), program).cashFlows(new Bitemporal(asOf, Instant.MAX)).orElseThrow();
    }

    /** The returns document folded from a journal at a date, as known at the end of time. */
    private static ReturnsView returns(List<JournalEntry> journal, String program, LocalDate asOf) {
        return PositionsFold.of(recorded(journal), program).returns(new Bitemporal(asOf, Instant.MAX)).orElseThrow();
    }

    private static List<Recorded<?>> recorded(List<JournalEntry> journal) {
        List<Recorded<?>> recordedEvents = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            recordedEvents.add(new Recorded<>(journal.get(i).event(), i, journal.get(i).recordedAt()));
        }
        return recordedEvents;
    }

    private static WhatIfResult whatIf(Change... changes) {
        return WhatIfAnalysis.run(P, recorded, List.of(changes), DATES, Instant.MAX);
    }

    /** A positions document without the instant it was asked at, for comparing two ledgers asked at different times. */
    private static ProgramPositions timeless(ProgramPositions positions) {
        return new ProgramPositions(positions.programId(), positions.asOf(), Instant.EPOCH, positions.investors(),
                positions.equityTotals(), positions.tranches(), positions.debtTotals(), positions.capitalisation(),
                positions.phases());
    }

    @Test
    void withoutChangesTheScenarioIsTheBaseAndTheBaseIsTheRecordedPositions() {
        WhatIfResult result = whatIf();

        assertThat(result.scenario()).isEqualTo(result.base());
        assertThat(result.differences()).isEmpty();
        for (int i = 0; i < DATES.size(); i++) {
            assertThat(result.base().get(i).positions()).isEqualTo(positions(recorded, DATES.get(i)));
            assertThat(result.base().get(i).cashFlows()).isEqualTo(cashFlows(recorded, P.value(), DATES.get(i)));
            assertThat(result.base().get(i).returns()).isEqualTo(returns(recorded, P.value(), DATES.get(i)));
        }
    }

    @Test
    void removingARepricingGivesThePositionsOfTheHistoryPostedWithoutIt() {
        int repricing = 0;
        while (!(HISTORY.get(repricing) instanceof RepriceTranche)) {
            repricing++;
        }
        List<LedgerCommand> shortened = new ArrayList<>(HISTORY);
        shortened.remove(repricing);
        List<JournalEntry> fresh = posted(shortened);

        WhatIfResult result = whatIf(new Change.Remove(recorded.get(repricing).eventId()));

        for (int i = 0; i < DATES.size(); i++) {
            assertThat(timeless(result.scenario().get(i).positions())).isEqualTo(timeless(positions(fresh, DATES.get(i))));
        }
        // Only the mezzanine's margin and what accrues on it differ, and only once the repricing took effect.
        assertThat(result.differences()).extracting(FigureDifference::asOf).doesNotContain(day("2025-03-31"));
        assertThat(result.differences()).filteredOn(f -> f.asOf().equals(day("2025-12-31")))
                .extracting(FigureDifference::path).containsExactlyInAnyOrder(
                        "tranches[P1-MEZZ].marginPct", "tranches[P1-MEZZ].allInRatePct",
                        "tranches[P1-MEZZ].accruedInterest", "tranches[P1-MEZZ].marginHistory[2025-06-01].effectiveDate",
                        "tranches[P1-MEZZ].marginHistory[2025-06-01].marginPct", "debtTotals.accruedInterest");
        FigureDifference interest = result.differences().stream()
                .filter(f -> f.asOf().equals(day("2025-12-31")) && f.path().equals("tranches[P1-MEZZ].accruedInterest"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(interest.delta()))
                .isEqualByComparingTo(new BigDecimal(interest.scenario()).subtract(new BigDecimal(interest.base())))
                .isNegative();
    }

    @Test
    void aRateShiftGivesTheAccruedInterestThatPostingTheShiftedFixingsGives() {
        LocalDate from = day("2025-07-01");
        List<LedgerCommand> shifted = new ArrayList<>();
        for (LedgerCommand command : HISTORY) {
            if (command instanceof RecordBaseRateFixing fixing && fixing.rateName().equals("SOFR")
                    && !fixing.effectiveDate().isBefore(from)) {
                shifted.add(new RecordBaseRateFixing("SOFR", fixing.ratePct().add(d("2.00")), fixing.effectiveDate()));
            } else {
                shifted.add(command);
            }
        }
        // The rate in force on July 1st (the June 2nd fixing of 4.28), 2 points higher from then on.
        shifted.add(new RecordBaseRateFixing("SOFR", d("6.28000"), from));
        List<JournalEntry> fresh = posted(shifted);

        WhatIfResult result = whatIf(new Change.ShiftRate(new BaseRateName("SOFR"), from, 200));

        for (int i = 0; i < DATES.size(); i++) {
            Map<String, BigDecimal> expected = accruedInterest(positions(fresh, DATES.get(i)));
            assertThat(accruedInterest(result.scenario().get(i).positions())).as("as of " + DATES.get(i)).isEqualTo(expected);
        }
        // Before July nothing moves; after it the SOFR tranches accrue more, the Term SOFR tranche the same.
        assertThat(accruedInterest(result.scenario().get(1).positions()))
                .isEqualTo(accruedInterest(result.base().get(1).positions()));
        Map<String, BigDecimal> base = accruedInterest(result.base().get(3).positions());
        Map<String, BigDecimal> scenario = accruedInterest(result.scenario().get(3).positions());
        assertThat(scenario.get("P1-SENIOR")).isGreaterThan(base.get("P1-SENIOR"));
        assertThat(scenario.get("P1-MEZZ")).isGreaterThan(base.get("P1-MEZZ"));
        assertThat(scenario.get("P2-SENIOR")).isEqualTo(base.get("P2-SENIOR"));
    }

    /**
     * The small operating program of the core's {@code CashFlowScaleTest}: a senior tranche of 3,600,000.00 at SOFR
     * 3.6% repaid 10% a quarter, a mezzanine of 1,000,000.00 at 7.2%, quarterly from 2027-01-01, lock-up at a DSCR of
     * 2, a DSRA of one period; Q1 2027's cash flow recorded with the revenue given and its waterfall run.
     */
    private static List<LedgerCommand> operating(String revenue) {
        ProgramId program = new ProgramId("SMALL");
        PhaseId phase = new PhaseId("PH");
        TrancheId senior = new TrancheId("SEN");
        TrancheId mezzanine = new TrancheId("MEZ");
        LocalDate dec1 = day("2026-12-01");
        LocalDate jan1 = day("2027-01-01");
        LocalDate q1 = day("2027-03-31");
        return List.of(
                new RecordBaseRateFixing("SOFR", d("3.60000"), dec1),
                new CreateProgram(program, "Small", "USD", d("10000000.00"), d("90"), dec1),
                new CreatePhase(program, phase, "Phase", d("10000000.00"), "USD", dec1),
                new CommitEquity(program, new InvestorId("A"), "A", d("2000000.00"), "USD", dec1),
                new CommitEquity(program, new InvestorId("B"), "B", d("2000000.00"), "USD", dec1),
                new CallCapital(program, new CallId("C1"), phase, d("2000000.00"), "USD", "works", dec1),
                new CreateTranche(program, senior, phase, "Senior", Seniority.SENIOR, d("3600000.00"), "USD", "SOFR",
                        d("0.0000"), d("0.0000"), q1, List.of(new LenderCommitment(new LenderId("L1"), "L1",
                        d("3600000.00"))), dec1),
                new CreateTranche(program, mezzanine, phase, "Mezzanine", Seniority.MEZZANINE, d("1000000.00"), "USD",
                        "SOFR", d("3.6000"), d("0.0000"), q1, List.of(new LenderCommitment(new LenderId("M1"), "M1",
                        d("1000000.00"))), dec1),
                new DrawTranche(program, senior, new DrawId("D1"), d("3600000.00"), "USD", jan1),
                new DrawTranche(program, mezzanine, new DrawId("D2"), d("1000000.00"), "USD", jan1),
                new SetOperatingTerms(program, jan1, 3, d("2.0000"), d("1.1000"), 1, jan1),
                new SetRepaymentSchedule(program, senior, List.of(
                        new ProposedInstallment(day("2027-04-01"), d("10")),
                        new ProposedInstallment(day("2027-07-01"), d("10")),
                        new ProposedInstallment(day("2027-10-01"), d("10")),
                        new ProposedInstallment(day("2028-01-01"), d("70"))), jan1),
                new RecordOperatingCashFlow(program, q1, d(revenue), d("100000.00"), d("0.00"), d("0.00"), "USD"),
                new RunWaterfall(program, q1));
    }

    @Test
    void aRevenueCutBelowLockUpNamesTheWaterfallsFiguresInTheCashFlowsDocument() {
        List<JournalEntry> operating = posted(operating("1000000.00"));
        List<LocalDate> dates = List.of(day("2027-03-31"), day("2027-04-01"));

        WhatIfResult result = WhatIfAnalysis.run(new ProgramId("SMALL"), operating,
                List.of(new Change.ScaleCashFlows(day("2027-01-01"), d("-20"), d("0"))), dates, Instant.MAX);

        // Base and scenario carry the cash-flows and returns documents of the recorded and of the cut history posted
        // afresh.
        List<JournalEntry> cut = posted(operating("800000.00"));
        for (int i = 0; i < dates.size(); i++) {
            assertThat(result.base().get(i).cashFlows()).isEqualTo(cashFlows(operating, "SMALL", dates.get(i)));
            assertThat(result.scenario().get(i).cashFlows()).isEqualTo(cashFlows(cut, "SMALL", dates.get(i)));
            assertThat(result.base().get(i).returns()).isEqualTo(returns(operating, "SMALL", dates.get(i)));
            assertThat(result.scenario().get(i).returns()).isEqualTo(returns(cut, "SMALL", dates.get(i)));
        }
        // On 2027-03-31 the cash flow is in, its waterfall (paid 2027-04-01) not yet.
        assertThat(result.differences()).filteredOn(f -> f.asOf().equals(day("2027-03-31")))
                .extracting(FigureDifference::path, FigureDifference::base, FigureDifference::scenario,
                        FigureDifference::delta)
                .containsExactly(
                        tuple("cashFlows.periods[2027-03-31].revenue", "1000000.00", "800000.00", "-200000.00"),
                        tuple("cashFlows.periods[2027-03-31].cfads", "900000.00", "700000.00", "-200000.00"));
        // CFADS 700,000.00 pays the senior interest 32,400.00 and installment 360,000.00 (DSCR 700,000 / 392,400 =
        // 1.78389.., was 900,000 / 392,400 = 2.29357..), tops the DSRA up with the 307,600.00 left (target
        // 389,484.00) and leaves the mezzanine's 18,000.00 unpaid: an event of default, nothing distributed (was
        // 100,116.00, 50,058.00 each). Each investor paid 1,000,000.00 in on 2026-12-01 and holds it at cost: with
        // 50,058.00 back 121 days later its TVPI was 1.050058 and its IRR 1.050058^(365/121) - 1 = 15.87520..%; without
        // it both are flat.
        String q1 = "cashFlows.periods[2027-03-31].";
        assertThat(result.differences()).filteredOn(f -> f.asOf().equals(day("2027-04-01")))
                .extracting(FigureDifference::path, FigureDifference::base, FigureDifference::scenario,
                        FigureDifference::delta)
                .containsExactly(
                        tuple("investors[A].distributed", "50058.00", "0.00", "-50058.00"),
                        tuple("investors[B].distributed", "50058.00", "0.00", "-50058.00"),
                        tuple("tranches[MEZ].interestPaid", "18000.00", "0.00", "-18000.00"),
                        tuple("debtTotals.interestPaid", "50400.00", "32400.00", "-18000.00"),
                        tuple("dsraBalance", "389484.00", "307600.00", "-81884.00"),
                        tuple(q1 + "revenue", "1000000.00", "800000.00", "-200000.00"),
                        tuple(q1 + "cfads", "900000.00", "700000.00", "-200000.00"),
                        tuple(q1 + "waterfall.cashAvailable", "900000.00", "700000.00", "-200000.00"),
                        tuple(q1 + "waterfall.steps[MEZZANINE_INTEREST_AND_FEES].paid", "18000.00", "0.00",
                                "-18000.00"),
                        tuple(q1 + "waterfall.steps[MEZZANINE_INTEREST_AND_FEES].shortfall", "0.00", "18000.00",
                                "18000.00"),
                        tuple(q1 + "waterfall.dsra.toppedUp", "389484.00", "307600.00", "-81884.00"),
                        tuple(q1 + "waterfall.dsra.closing", "389484.00", "307600.00", "-81884.00"),
                        tuple(q1 + "waterfall.dscr", "2.2936", "1.7839", "-0.5097"),
                        tuple(q1 + "waterfall.distributionTest.passed", "true", "false", null),
                        tuple(q1 + "waterfall.distributionTest.reasons", "",
                                "DSCR_BELOW_LOCK_UP,DSRA_BELOW_TARGET,PAYMENT_SHORTFALL,EVENT_OF_DEFAULT", null),
                        tuple(q1 + "waterfall.distributed", "100116.00", "0.00", "-100116.00"),
                        tuple("cashFlows.eventsOfDefault[EOD-2027-03-31-PAYMENT].id", null, "EOD-2027-03-31-PAYMENT",
                                null),
                        tuple("cashFlows.eventsOfDefault[EOD-2027-03-31-PAYMENT].periodEnd", null, "2027-03-31",
                                null),
                        tuple("cashFlows.eventsOfDefault[EOD-2027-03-31-PAYMENT].reason", null, "PAYMENT_SHORTFALL",
                                null),
                        tuple("cashFlows.eventsOfDefault[EOD-2027-03-31-PAYMENT].waived", null, "false", null),
                        tuple("returns.investors[A].distributed", "50058.00", "0.00", "-50058.00"),
                        tuple("returns.investors[A].dpi", "0.0501", "0.0000", "-0.0501"),
                        tuple("returns.investors[A].tvpi", "1.0501", "1.0000", "-0.0501"),
                        tuple("returns.investors[A].irrPct", "15.8752", "0.0000", "-15.8752"),
                        tuple("returns.investors[B].distributed", "50058.00", "0.00", "-50058.00"),
                        tuple("returns.investors[B].dpi", "0.0501", "0.0000", "-0.0501"),
                        tuple("returns.investors[B].tvpi", "1.0501", "1.0000", "-0.0501"),
                        tuple("returns.investors[B].irrPct", "15.8752", "0.0000", "-15.8752"),
                        tuple("returns.program.distributed", "100116.00", "0.00", "-100116.00"),
                        tuple("returns.program.dpi", "0.0501", "0.0000", "-0.0501"),
                        tuple("returns.program.tvpi", "1.0501", "1.0000", "-0.0501"),
                        tuple("returns.program.irrPct", "15.8752", "0.0000", "-15.8752"));
    }

    @Test
    void aValuationAddedToTheRevenueCutGivesTheReturnsOfTheHistoryPostedWithIt() {
        List<JournalEntry> operating = posted(operating("1000000.00"));
        LocalDate apr1 = day("2027-04-01");
        RecordValuation valuation = new RecordValuation(new ProgramId("SMALL"), apr1, d("2400000.00"), "USD");

        WhatIfResult result = WhatIfAnalysis.run(new ProgramId("SMALL"), operating, List.of(
                new Change.ScaleCashFlows(day("2027-01-01"), d("-20"), d("0")), new Change.Add(valuation)),
                List.of(apr1), Instant.MAX);

        List<LedgerCommand> valued = new ArrayList<>(operating("800000.00"));
        valued.add(valuation);
        assertThat(result.scenario().get(0).returns()).isEqualTo(returns(posted(valued), "SMALL", apr1));
        // Nothing distributed, but the equity paid in at 2,000,000.00 is worth 2,400,000.00: 1,200,000.00 each, a TVPI
        // of 1.2 and an IRR of 1.2^(365/121) - 1 = 73.32153..% (was 1.0501 and 15.8752 %).
        assertThat(result.differences()).filteredOn(f -> f.path().startsWith("returns.investors[A]."))
                .extracting(FigureDifference::path, FigureDifference::base, FigureDifference::scenario,
                        FigureDifference::delta)
                .containsExactly(
                        tuple("returns.investors[A].distributed", "50058.00", "0.00", "-50058.00"),
                        tuple("returns.investors[A].nav", "1000000.00", "1200000.00", "200000.00"),
                        tuple("returns.investors[A].navBasis", "COST", "VALUATION", null),
                        tuple("returns.investors[A].dpi", "0.0501", "0.0000", "-0.0501"),
                        tuple("returns.investors[A].rvpi", "1.0000", "1.2000", "0.2000"),
                        tuple("returns.investors[A].tvpi", "1.0501", "1.2000", "0.1499"),
                        tuple("returns.investors[A].irrPct", "15.8752", "73.3215", "57.4463"));
        assertThat(result.differences()).filteredOn(f -> f.path().equals("returns.program.nav"))
                .extracting(FigureDifference::base, FigureDifference::scenario)
                .containsExactly(tuple("2000000.00", "2400000.00"));
    }

    private static Map<String, BigDecimal> accruedInterest(ProgramPositions positions) {
        Map<String, BigDecimal> interest = new TreeMap<>();
        for (TranchePosition tranche : positions.tranches()) {
            interest.put(tranche.trancheId(), tranche.accruedInterest());
        }
        return interest;
    }
}
