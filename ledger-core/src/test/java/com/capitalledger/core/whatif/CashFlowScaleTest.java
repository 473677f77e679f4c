package com.capitalledger.core.whatif;

import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.core.whatif.ChangeOutcome.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * scaleCashFlows on the small program of {@code CashFlowDecisionsTest} (one senior tranche of 3,600,000.00 at SOFR
 * 3.6%, one mezzanine of 1,000,000.00 at 7.2%, quarterly from 2027-01-01, lock-up at a DSCR of 2, a DSRA of one
 * period), two quarters recorded; every figure computed by hand.
 */
class CashFlowScaleTest {

    private static final ProgramId P = new ProgramId("SMALL");
    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final PhaseId PH = new PhaseId("PH");
    private static final TrancheId SEN = new TrancheId("SEN");
    private static final TrancheId MEZ = new TrancheId("MEZ");
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate Q1 = LocalDate.of(2027, 3, 31);
    private static final LocalDate Q2 = LocalDate.of(2027, 6, 30);
    private static final BaseRateFixed SOFR = new BaseRateFixed(new BaseRateName("SOFR"),
            new Rate(new BigDecimal("3.60000")), DEC_1);

    private static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    private static Money usd(String amount) {
        return new Money(d(amount), USD);
    }

    private static List<ProgramCommand> history(UnaryOperator<RecordOperatingCashFlow> cashFlows) {
        return List.of(
                new CreateProgram(P, "Small", "USD", d("10000000.00"), d("90"), DEC_1),
                new CreatePhase(P, PH, "Phase", d("10000000.00"), "USD", DEC_1),
                new CommitEquity(P, new InvestorId("A"), "A", d("2000000.00"), "USD", DEC_1),
                new CommitEquity(P, new InvestorId("B"), "B", d("2000000.00"), "USD", DEC_1),
                new CallCapital(P, new CallId("C1"), PH, d("2000000.00"), "USD", "works", DEC_1),
                new CreateTranche(P, SEN, PH, "Senior", Seniority.SENIOR, d("3600000.00"), "USD", "SOFR",
                        d("0.0000"), d("0.0000"), Q1, List.of(new LenderCommitment(new LenderId("L1"), "L1",
                        d("2400000.00")), new LenderCommitment(new LenderId("L2"), "L2", d("1200000.00"))), DEC_1),
                new CreateTranche(P, MEZ, PH, "Mezzanine", Seniority.MEZZANINE, d("1000000.00"), "USD", "SOFR",
                        d("3.6000"), d("0.0000"), Q1, List.of(new LenderCommitment(new LenderId("M1"), "M1",
                        d("1000000.00"))), DEC_1),
                new DrawTranche(P, SEN, new DrawId("D1"), d("3600000.00"), "USD", JAN_1),
                new DrawTranche(P, MEZ, new DrawId("D2"), d("1000000.00"), "USD", JAN_1),
                new SetOperatingTerms(P, JAN_1, 3, d("2.0000"), d("1.1000"), 1, JAN_1),
                new SetRepaymentSchedule(P, SEN, List.of(
                        new ProposedInstallment(LocalDate.of(2027, 4, 1), d("10")),
                        new ProposedInstallment(LocalDate.of(2027, 7, 1), d("10")),
                        new ProposedInstallment(LocalDate.of(2027, 10, 1), d("10")),
                        new ProposedInstallment(LocalDate.of(2028, 1, 1), d("70"))), JAN_1),
                cashFlows.apply(new RecordOperatingCashFlow(P, Q1, d("1000000.00"), d("100000.00"), d("0.00"),
                        d("0.00"), "USD")),
                new RunWaterfall(P, Q1),
                cashFlows.apply(new RecordOperatingCashFlow(P, Q2, d("600000.00"), d("150000.00"), d("0.00"),
                        d("0.00"), "USD")),
                new RunWaterfall(P, Q2));
    }

    /** The journal deciding these commands records, after the SOFR fixing. */
    private static List<JournalEntry> journal(List<ProgramCommand> commands) {
        return journal(commands, List.of(SOFR));
    }

    /** The journal deciding these commands records after these fixings. */
    private static List<JournalEntry> journal(List<ProgramCommand> commands, List<BaseRateFixed> fixed) {
        ProgramState state = ProgramState.none();
        BaseRateHistory fixings = new BaseRateHistory();
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        List<JournalEntry> journal = new ArrayList<>();
        for (BaseRateFixed fixing : fixed) {
            fixings.apply(fixing);
            journal.add(new JournalEntry("e" + journal.size(), fixing, at));
        }
        for (ProgramCommand command : commands) {
            ProgramEvent event = ProgramDecider.decide(state, command, fixings);
            state.evolve(event);
            at = at.plusSeconds(60);
            journal.add(new JournalEntry("e" + journal.size(), event, at));
        }
        return journal;
    }

    private static List<WaterfallRun> waterfalls(List<JournalEntry> journal) {
        return journal.stream().map(JournalEntry::event).filter(WaterfallRun.class::isInstance)
                .map(WaterfallRun.class::cast).toList();
    }

    private static List<LedgerEvent> events(List<JournalEntry> journal) {
        return journal.stream().map(JournalEntry::event).toList();
    }

    @Test
    void scaledCashFlowsAreDecidedAgainAndEveryWaterfallAfterThemWithThem() {
        List<JournalEntry> recorded = journal(history(UnaryOperator.identity()));
        Change.ScaleCashFlows scale = new Change.ScaleCashFlows(Q1, d("-5"), d("10"));

        Branched branch = Branch.replay(P, recorded, List.of(scale));

        // Q1: revenue 950,000.00, costs 110,000.00: CFADS 840,000.00. Senior interest 32,400.00 + installment
        // 360,000.00 leave 447,600.00; the DSRA's 389,484.00 and the mezzanine's 18,000.00 leave 40,116.00 (was
        // 100,116.00), 20,058.00 each. DSCR 840,000 / 392,400 = 2.14067.. (was 2.2936).
        // Q2: revenue 570,000.00, costs 165,000.00: CFADS 405,000.00. Senior 389,484.00 leaves 15,516.00, the DSRA
        // releases 2,988.00, the mezzanine takes 18,200.00: 304.00 trapped (was 45,304.00). DSCR (840,000 + 405,000)
        // / (392,400 + 389,484) = 1.59230.. (was 1.7266).
        List<WaterfallRun> runs = waterfalls(branch.journal());
        assertThat(runs).extracting(WaterfallRun::cfads, WaterfallRun::dscr, WaterfallRun::distributed)
                .containsExactly(tuple(d("840000.00"), d("2.1407"), usd("40116.00")),
                        tuple(d("405000.00"), d("1.5923"), usd("0.00")));
        assertThat(runs.get(0).allocations()).extracting(a -> a.amount()).containsExactly(usd("20058.00"),
                usd("20058.00"));
        assertThat(runs.get(1).lockUp().trapped()).isEqualTo(usd("304.00"));
        assertThat(runs.get(1).dsra().released()).isEqualTo(usd("2988.00"));
        assertThat(waterfalls(recorded)).extracting(WaterfallRun::dscr, WaterfallRun::distributed)
                .containsExactly(tuple(d("2.2936"), usd("100116.00")), tuple(d("1.7266"), usd("0.00")));
        assertThat(branch.journal().stream().map(JournalEntry::event).filter(OperatingCashFlowRecorded.class::isInstance)
                .map(OperatingCashFlowRecorded.class::cast).map(c -> List.of(c.revenue(), c.operatingCosts())))
                .containsExactly(List.of(usd("950000.00"), usd("110000.00")),
                        List.of(usd("570000.00"), usd("165000.00")));
        // Exactly what deciding the history with the scaled cash flows records, under the recorded ids.
        assertThat(events(branch.journal())).isEqualTo(events(journal(history(c -> CashFlowScale.apply(scale, c)))));
        assertThat(branch.journal()).extracting(JournalEntry::eventId)
                .isEqualTo(recorded.stream().map(JournalEntry::eventId).toList());
        assertThat(branch.changes()).extracting(ChangeOutcome::op, ChangeOutcome::outcome)
                .containsExactly(tuple("scaleCashFlows", Outcome.ACCEPTED));
        assertThat(branch.consequences()).isEmpty();
    }

    /**
     * A rate shift reaches every waterfall of a period ending on or after its date: the senior's interest, the DSRA
     * target and the DSCR are decided on the shifted fixings, exactly as if they had been recorded.
     */
    @Test
    void aRateShiftIsDecidedIntoTheWaterfallsItReaches() {
        List<JournalEntry> recorded = journal(history(UnaryOperator.identity()));
        BaseRateFixed higher = new BaseRateFixed(SOFR.rateName(), new Rate(new BigDecimal("5.60000")), DEC_1);

        Branched fromTheFixing = Branch.replay(P, recorded,
                List.of(new Change.ShiftRate(SOFR.rateName(), DEC_1, 200)));

        assertThat(events(fromTheFixing.journal())).isEqualTo(events(journal(history(UnaryOperator.identity()),
                List.of(higher))));
        assertThat(waterfalls(fromTheFixing.journal()).get(0).steps().get(0).due())
                .isNotEqualTo(waterfalls(recorded).get(0).steps().get(0).due());

        // From a day with no fixing of its own: the rate in force then (3.60) plus the shift, from that day.
        LocalDate feb1 = LocalDate.of(2027, 2, 1);
        Branched fromFebruary = Branch.replay(P, recorded, List.of(new Change.ShiftRate(SOFR.rateName(), feb1,
                200)));
        assertThat(waterfalls(fromFebruary.journal())).isEqualTo(waterfalls(journal(
                history(UnaryOperator.identity()), List.of(SOFR, new BaseRateFixed(SOFR.rateName(),
                        new Rate(new BigDecimal("5.60000")), feb1)))));
        assertThat(waterfalls(fromFebruary.journal())).isNotEqualTo(waterfalls(fromTheFixing.journal()));
        assertThat(fromFebruary.consequences()).isEmpty();
    }

    @Test
    void aCashFlowWhosePeriodEndsBeforeFromIsUntouched() {
        List<JournalEntry> recorded = journal(history(UnaryOperator.identity()));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.ScaleCashFlows(LocalDate.of(2027, 4, 1),
                d("-5"), d("10"))));

        assertThat(branch.journal().subList(0, 14)).isEqualTo(recorded.subList(0, 14));
        // Q2 alone: CFADS 405,000.00, 304.00 trapped; DSCR (900,000 + 405,000) / 781,884 = 1.66904..
        WaterfallRun q2 = waterfalls(branch.journal()).get(1);
        assertThat(q2.dscr()).isEqualTo(d("1.6690"));
        assertThat(q2.lockUp().trapped()).isEqualTo(usd("304.00"));
    }

    @Test
    void aScaleAfterEveryCashFlowChangesNothing() {
        List<JournalEntry> recorded = journal(history(UnaryOperator.identity()));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.ScaleCashFlows(LocalDate.of(2027, 7, 1),
                d("-50"), d("0"))));

        assertThat(branch.journal()).isEqualTo(recorded);
        assertThat(branch.changes()).extracting(ChangeOutcome::outcome).containsExactly(Outcome.ACCEPTED);
    }

    @Test
    void figuresAreRoundedHalfEvenToTheCentAndTaxesAndCapexKept() {
        RecordOperatingCashFlow flow = new RecordOperatingCashFlow(P, Q1, d("0.15"), d("0.25"), d("7.00"),
                d("8.00"), "USD");

        // 0.15 × 1.1 = 0.165 → 0.16 and 0.25 × 1.1 = 0.275 → 0.28 (HALF_UP would give 0.17).
        assertThat(CashFlowScale.apply(new Change.ScaleCashFlows(Q1, d("10"), d("10")), flow)).isEqualTo(
                new RecordOperatingCashFlow(P, Q1, d("0.16"), d("0.28"), d("7.00"), d("8.00"), "USD"));
        assertThat(CashFlowScale.apply(new Change.ScaleCashFlows(Q1, d("-99.9999"), d("0")), flow)).isEqualTo(
                new RecordOperatingCashFlow(P, Q1, d("0.00"), d("0.25"), d("7.00"), d("8.00"), "USD"));
        assertThatThrownBy(() -> new Change.ScaleCashFlows(Q1, d("-100"), d("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
