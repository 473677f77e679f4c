package com.capitalledger.core.program;

import com.capitalledger.core.cashflow.api.DistributionBlock;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.ExclusionReason;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.cashflow.api.WaterfallRun.Dsra;
import com.capitalledger.core.cashflow.api.WaterfallRun.Exclusion;
import com.capitalledger.core.cashflow.api.WaterfallRun.InstallmentPayment;
import com.capitalledger.core.cashflow.api.WaterfallRun.InvestorAmount;
import com.capitalledger.core.cashflow.api.WaterfallRun.LockUp;
import com.capitalledger.core.cashflow.api.WaterfallRun.OpenedEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun.StepResult;
import com.capitalledger.core.cashflow.api.WaterfallRun.TranchePayment;
import com.capitalledger.core.cashflow.api.WaterfallStep;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.capitalledger.core.shared.RejectionCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Section 10's decisions on a small program, every figure computed by hand: one senior tranche (3,600,000.00 at SOFR
 * 3.6% + 0: 360.00 a day; lenders L1 and L2 at 2 : 1; 10% installments due 2027-04-01, 07-01 and 10-01, the last 70%
 * due 2028-01-01) and one mezzanine tranche (1,000,000.00 at 7.2%: 200.00 a day, no schedule), both drawn in full
 * on 2027-01-01; investors A and B with 1,000,000.00 paid in each; quarterly periods from 2027-01-01, lock-up at a
 * DSCR of 2, default at 1.1, a DSRA of one period. Q1 distributes, Q2 locks up, Q3 draws the DSRA and opens a
 * payment shortfall (waived), Q4 cures and releases the lock-up to A alone (B in default on a later call).
 */
class CashFlowDecisionsTest {

    private static final ProgramId P = new ProgramId("SMALL");
    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final PhaseId PH = new PhaseId("PH");
    private static final InvestorId A = new InvestorId("A");
    private static final InvestorId B = new InvestorId("B");
    private static final TrancheId SEN = new TrancheId("SEN");
    private static final TrancheId MEZ = new TrancheId("MEZ");
    private static final LenderId L1 = new LenderId("L1");
    private static final LenderId L2 = new LenderId("L2");
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate Q1 = LocalDate.of(2027, 3, 31);
    private static final LocalDate Q2 = LocalDate.of(2027, 6, 30);
    private static final LocalDate Q3 = LocalDate.of(2027, 9, 30);
    private static final LocalDate Q4 = LocalDate.of(2027, 12, 31);
    private static final EventOfDefaultId Q3_PAYMENT = new EventOfDefaultId("EOD-2027-09-30-PAYMENT");

    private final ProgramState state = ProgramState.none();
    private final BaseRateHistory fixings = new BaseRateHistory()
            .fix(new BaseRateName("SOFR"), DEC_1, new Rate(new BigDecimal("3.60000")));

    private final List<Object> history = new java.util.ArrayList<>();

    private ProgramEvent accept(ProgramCommand command) {
        ProgramEvent event = ProgramDecider.decide(state, command, fixings);
        state.evolve(event);
        history.add(event);
        return event;
    }

    private RejectionCode refuse(ProgramCommand command) {
        LocalDate latest = state.latestEffectiveDate();
        try {
            ProgramDecider.decide(state, command, fixings);
        } catch (LedgerRejection refused) {
            assertThat(state.latestEffectiveDate()).isEqualTo(latest);
            return refused.code();
        }
        throw new AssertionError("accepted: " + command);
    }

    private static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    private static Money usd(String amount) {
        return new Money(d(amount), USD);
    }

    /** The program drawn, its investors paid in, before any operating terms. */
    private void funded() {
        accept(new CreateProgram(P, "Small", "USD", d("10000000.00"), d("90"), DEC_1));
        accept(new CreatePhase(P, PH, "Phase", d("10000000.00"), "USD", DEC_1));
        accept(new CommitEquity(P, A, "A", d("2000000.00"), "USD", DEC_1));
        accept(new CommitEquity(P, B, "B", d("2000000.00"), "USD", DEC_1));
        accept(new CallCapital(P, new CallId("C1"), PH, d("2000000.00"), "USD", "works", DEC_1));
        accept(new CreateTranche(P, SEN, PH, "Senior", Seniority.SENIOR, d("3600000.00"), "USD", "SOFR",
                d("0.0000"), d("0.0000"), Q1, List.of(new LenderCommitment(L1, "L1", d("2400000.00")),
                new LenderCommitment(L2, "L2", d("1200000.00"))), DEC_1));
        accept(new CreateTranche(P, MEZ, PH, "Mezzanine", Seniority.MEZZANINE, d("1000000.00"), "USD", "SOFR",
                d("3.6000"), d("0.0000"), Q1, List.of(new LenderCommitment(new LenderId("M1"), "M1",
                d("1000000.00"))), DEC_1));
        accept(new DrawTranche(P, SEN, new DrawId("D1"), d("3600000.00"), "USD", JAN_1));
        accept(new DrawTranche(P, MEZ, new DrawId("D2"), d("1000000.00"), "USD", JAN_1));
    }

    private SetOperatingTerms terms(LocalDate effective) {
        return new SetOperatingTerms(P, JAN_1, 3, d("2.0000"), d("1.1000"), 1, effective);
    }

    private SetRepaymentSchedule seniorSchedule(String lastPct, LocalDate effective) {
        return new SetRepaymentSchedule(P, SEN, List.of(
                new ProposedInstallment(LocalDate.of(2027, 4, 1), d("10")),
                new ProposedInstallment(LocalDate.of(2027, 7, 1), d("10")),
                new ProposedInstallment(LocalDate.of(2027, 10, 1), d("10")),
                new ProposedInstallment(LocalDate.of(2028, 1, 1), d(lastPct))), effective);
    }

    private RecordOperatingCashFlow cashFlow(LocalDate end, String revenue, String costs, String taxes, String capex) {
        return new RecordOperatingCashFlow(P, end, d(revenue), d(costs), d(taxes), d(capex), "USD");
    }

    private void operating() {
        funded();
        accept(terms(JAN_1));
        accept(seniorSchedule("70", JAN_1));
    }

    private WaterfallRun q1() {
        accept(cashFlow(Q1, "1000000.00", "100000.00", "0.00", "0.00"));
        return (WaterfallRun) accept(new RunWaterfall(P, Q1));
    }

    private WaterfallRun q2() {
        accept(cashFlow(Q2, "600000.00", "150000.00", "0.00", "0.00"));
        return (WaterfallRun) accept(new RunWaterfall(P, Q2));
    }

    private WaterfallRun q3() {
        accept(cashFlow(Q3, "400000.00", "250000.00", "30000.00", "20000.00"));
        return (WaterfallRun) accept(new RunWaterfall(P, Q3));
    }

    private static StepResult step(WaterfallStep step, String due, String paid) {
        return new StepResult(step, usd(due), usd(paid), usd(d(due).subtract(d(paid)).toPlainString()));
    }

    private static List<LenderShare> seniorShares(String l1, String l2) {
        return List.of(new LenderShare(L1, usd(l1)), new LenderShare(L2, usd(l2)));
    }

    @Test
    void termsAndSchedulesAreSetAndReplacedUntilLocked() {
        funded();
        assertThat(accept(new SetOperatingTerms(P, JAN_1, 6, d("1.5"), d("1.5"), 0, JAN_1)))
                .isEqualTo(new OperatingTermsSet(P, JAN_1, 6, d("1.5"), d("1.5"), 0, JAN_1));
        assertThat(accept(terms(JAN_1))).isEqualTo(new OperatingTermsSet(P, JAN_1, 3, d("2.0000"), d("1.1000"), 1,
                JAN_1));
        assertThat(accept(seniorSchedule("70", JAN_1))).isEqualTo(new RepaymentScheduleSet(P, SEN, List.of(
                new Installment(LocalDate.of(2027, 4, 1), Percentage.of(d("10"))),
                new Installment(LocalDate.of(2027, 7, 1), Percentage.of(d("10"))),
                new Installment(LocalDate.of(2027, 10, 1), Percentage.of(d("10"))),
                new Installment(LocalDate.of(2028, 1, 1), Percentage.of(d("70")))), JAN_1));
        // Replaced before its first installment falls due.
        accept(seniorSchedule("70", LocalDate.of(2027, 3, 1)));
        assertThat(refuse(seniorSchedule("69.99", LocalDate.of(2027, 3, 1)))).isEqualTo(INVALID_SCHEDULE);
        assertThat(refuse(new SetRepaymentSchedule(P, SEN, List.of(new ProposedInstallment(LocalDate.of(2027, 5, 1),
                d("100"))), LocalDate.of(2027, 3, 1)))).as("not a payment date").isEqualTo(INVALID_SCHEDULE);
        assertThat(refuse(new SetRepaymentSchedule(P, new TrancheId("NONE"), List.of(), JAN_1)))
                .isEqualTo(UNKNOWN_TRANCHE);
        q1();
        assertThat(refuse(terms(LocalDate.of(2027, 4, 2)))).isEqualTo(TERMS_LOCKED);
        assertThat(refuse(new SetRepaymentSchedule(P, SEN, List.of(
                new ProposedInstallment(LocalDate.of(2027, 7, 1), d("50")),
                new ProposedInstallment(LocalDate.of(2027, 10, 1), d("50"))), LocalDate.of(2027, 4, 2))))
                .as("the first installment fell due on 04-01").isEqualTo(SCHEDULE_LOCKED);
        assertThat(refuse(seniorSchedule("70", LocalDate.of(2027, 4, 2)))).as("an installment already due")
                .isEqualTo(INVALID_SCHEDULE);
        assertThat(refuse(new SetRepaymentSchedule(P, MEZ, List.of(new ProposedInstallment(LocalDate.of(2027, 7, 1),
                d("100"))), LocalDate.of(2027, 3, 31)))).isEqualTo(BACKDATED_COMMAND);
    }

    @Test
    void sectionTenCodesComeInTheirOrder() {
        funded();
        assertThat(refuse(cashFlow(Q1, "1.00", "0.00", "0.00", "0.00"))).isEqualTo(NO_OPERATING_TERMS);
        assertThat(refuse(new RunWaterfall(P, Q1))).isEqualTo(NO_OPERATING_TERMS);
        assertThat(refuse(seniorSchedule("70", JAN_1))).isEqualTo(NO_OPERATING_TERMS);
        accept(terms(JAN_1));
        accept(seniorSchedule("70", JAN_1));
        assertThat(refuse(cashFlow(LocalDate.of(2027, 2, 28), "1.00", "0.00", "0.00", "0.00")))
                .isEqualTo(INVALID_PERIOD);
        assertThat(refuse(cashFlow(LocalDate.of(2026, 12, 31), "1.00", "0.00", "0.00", "0.00")))
                .as("before operations start").isEqualTo(INVALID_PERIOD);
        assertThat(refuse(new RunWaterfall(P, LocalDate.of(2027, 5, 31)))).isEqualTo(INVALID_PERIOD);
        assertThat(refuse(new RunWaterfall(P, Q1))).isEqualTo(NO_CASH_FLOW);
        accept(cashFlow(Q2, "1.00", "0.00", "0.00", "0.00"));
        assertThat(refuse(new RunWaterfall(P, Q2))).isEqualTo(PERIOD_OUT_OF_ORDER);
        assertThat(refuse(new RecordOperatingCashFlow(P, Q1, d("1.00"), d("0.00"), d("0.00"), d("0.00"), "EUR")))
                .isEqualTo(CURRENCY_MISMATCH);
        assertThat(refuse(cashFlow(Q1, "-1.00", "0.00", "0.00", "0.00"))).isEqualTo(INVALID_AMOUNT);
        q1();
        assertThat(refuse(new RunWaterfall(P, Q1))).isEqualTo(WATERFALL_ALREADY_RUN);
        assertThat(refuse(cashFlow(Q1, "1.00", "0.00", "0.00", "0.00"))).isEqualTo(PERIOD_CLOSED);
        assertThat(refuse(new WaiveEventOfDefault(P, Q3_PAYMENT, "consent", LocalDate.of(2027, 4, 2))))
                .isEqualTo(UNKNOWN_EVENT_OF_DEFAULT);
    }

    @Test
    void aCashFlowIsExemptFromBackdatingAndReplacedUntilItsPeriodCloses() {
        operating();
        accept(new CommitEquity(P, new InvestorId("C"), "C", d("1.00"), "USD", LocalDate.of(2027, 5, 1)));
        assertThat(accept(cashFlow(Q1, "10.00", "1.00", "2.00", "3.00")))
                .isEqualTo(new OperatingCashFlowRecorded(P, Q1, usd("10.00"), usd("1.00"), usd("2.00"), usd("3.00"),
                        d("4.00"), Q1));
        assertThat(state.latestEffectiveDate()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(((OperatingCashFlowRecorded) accept(cashFlow(Q1, "1.00", "2.00", "0.00", "0.00"))).cfads())
                .isEqualByComparingTo("-1.00");
        assertThat(state.cashFlows().cashFlow(Q1).orElseThrow().cfads()).isEqualByComparingTo("-1.00");
        assertThat(refuse(new RunWaterfall(P, Q1))).as("its payment date precedes 05-01").isEqualTo(BACKDATED_COMMAND);
    }

    @Test
    void theFirstQuarterPaysDebtFundsTheDsraAndDistributes() {
        operating();
        WaterfallRun q1 = q1();
        // CFADS 900,000.00. Senior interest 90 days × 360.00 = 32,400.00; installment 10% of B = 3,600,000.00.
        // T for Q2: 3,240,000.00 × 3.6 × 91 / 36,000 = 29,484.00 + 360,000.00 = 389,484.00, topped up from the
        // 507,600.00 left; mezzanine 90 × 200.00 = 18,000.00; 100,116.00 distributed 1 : 1.
        // DSCR 900,000 / (32,400 + 360,000) = 2.29357.. ≥ 2.
        assertThat(q1).isEqualTo(new WaterfallRun(P, Q1, JAN_1.withMonth(4), usd("900000.00"), d("900000.00"),
                List.of(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "32400.00", "32400.00"),
                        step(WaterfallStep.SENIOR_PRINCIPAL, "360000.00", "360000.00"),
                        step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "18000.00", "18000.00"),
                        step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00")),
                List.of(new TranchePayment(MEZ, usd("18000.00"), usd("0.00"), usd("0.00"), List.of(), List.of(),
                                usd("0.00")),
                        new TranchePayment(SEN, usd("32400.00"), usd("0.00"), usd("360000.00"),
                                seniorShares("240000.00", "120000.00"),
                                List.of(new InstallmentPayment(LocalDate.of(2027, 4, 1), usd("360000.00"))),
                                usd("0.00"))),
                new Dsra(usd("0.00"), usd("0.00"), usd("0.00"), usd("389484.00"), usd("389484.00"), usd("389484.00")),
                new LockUp(usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00")), d("2.2936"),
                new WaterfallRun.DistributionTest(true, List.of()), usd("100116.00"),
                List.of(new InvestorAmount(A, usd("50058.00")), new InvestorAmount(B, usd("50058.00"))), List.of(),
                List.of(), JAN_1.withMonth(4)));
        assertThat(state.debt().tranche(SEN).orElseThrow().outstanding()).isEqualTo(usd("3240000.00"));
        assertThat(state.debt().outstanding(USD)).isEqualTo(usd("4240000.00"));
        assertThat(state.cashFlows().dsraBalance()).isEqualByComparingTo("389484.00");
        assertThat(state.cashFlows().distributed()).containsEntry(A, d("50058.00"));
    }

    @Test
    void aDscrBelowTheLockUpTrapsTheCashAndAnExcessDsraIsReleased() {
        operating();
        q1();
        WaterfallRun q2 = q2();
        // Senior interest 91 × 324.00 = 29,484.00 + 360,000.00 paid from 450,000.00: 60,516.00 left. T for Q3:
        // 2,880,000.00 × 3.6 × 92 / 36,000 = 26,496.00 + 360,000.00 = 386,496.00: 2,988.00 released. Mezzanine
        // 18,200.00. DSCR (900,000 + 450,000) / (392,400 + 389,484) = 1.72659.. < 2: 45,304.00 trapped.
        assertThat(q2.steps()).containsExactly(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "29484.00", "29484.00"),
                step(WaterfallStep.SENIOR_PRINCIPAL, "360000.00", "360000.00"),
                step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "18200.00", "18200.00"),
                step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00"));
        assertThat(q2.dsra()).isEqualTo(new Dsra(usd("389484.00"), usd("0.00"), usd("2988.00"), usd("0.00"),
                usd("386496.00"), usd("386496.00")));
        assertThat(q2.dscr()).isEqualByComparingTo("1.7266");
        assertThat(q2.distributionTest()).isEqualTo(new WaterfallRun.DistributionTest(false,
                List.of(DistributionBlock.DSCR_BELOW_LOCK_UP)));
        assertThat(q2.lockUp()).isEqualTo(new LockUp(usd("0.00"), usd("45304.00"), usd("0.00"), usd("45304.00")));
        assertThat(q2.distributed()).isEqualTo(usd("0.00"));
        assertThat(q2.allocations()).isEmpty();
        assertThat(q2.eventsOfDefault()).isEmpty();
    }

    @Test
    void aSeniorShortfallDrawsTheDsraAndAMezzanineShortfallOpensAnEventOfDefault() {
        operating();
        q1();
        q2();
        WaterfallRun q3 = q3();
        // CFADS 100,000.00 against senior 26,496.00 + 360,000.00: the DSRA gives 286,496.00 and keeps 100,000.00,
        // far below T for Q4 (2,520,000.00 × 3.6 × 92 / 36,000 = 23,184.00 + the last installment 2,520,000.00).
        // Nothing is left for the mezzanine's 18,400.00: PAYMENT_SHORTFALL. DSCR 1,450,000 / 1,168,380 = 1.24103..
        assertThat(q3.cashAvailable()).isEqualTo(usd("100000.00"));
        assertThat(q3.dsra()).isEqualTo(new Dsra(usd("386496.00"), usd("286496.00"), usd("0.00"), usd("0.00"),
                usd("100000.00"), usd("2543184.00")));
        assertThat(q3.steps()).containsExactly(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "26496.00", "26496.00"),
                step(WaterfallStep.SENIOR_PRINCIPAL, "360000.00", "360000.00"),
                step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "18400.00", "0.00"),
                step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00"));
        assertThat(q3.dscr()).isEqualByComparingTo("1.2410");
        assertThat(q3.eventsOfDefault()).containsExactly(new OpenedEventOfDefault(Q3_PAYMENT,
                EventOfDefaultReason.PAYMENT_SHORTFALL));
        assertThat(q3.distributionTest().reasons()).containsExactly(DistributionBlock.DSCR_BELOW_LOCK_UP,
                DistributionBlock.DSRA_BELOW_TARGET, DistributionBlock.PAYMENT_SHORTFALL,
                DistributionBlock.EVENT_OF_DEFAULT);
        assertThat(q3.lockUp()).isEqualTo(new LockUp(usd("45304.00"), usd("0.00"), usd("0.00"), usd("45304.00")));

        // The lenders' draw-stop comes right after the ids: before the commitment (fully drawn) is even looked at.
        DrawTranche draw = new DrawTranche(P, MEZ, new DrawId("D3"), d("1.00"), "EUR", LocalDate.of(2027, 10, 5));
        assertThat(refuse(draw)).isEqualTo(EVENT_OF_DEFAULT);
        assertThat(refuse(new DrawTranche(P, MEZ, new DrawId("D1"), d("1.00"), "USD", LocalDate.of(2027, 10, 5))))
                .as("ids first").isEqualTo(DUPLICATE_ID);
        assertThat(refuse(new WaiveEventOfDefault(P, Q3_PAYMENT, "consent", LocalDate.of(2027, 9, 30))))
                .isEqualTo(BACKDATED_COMMAND);
        assertThat(accept(new WaiveEventOfDefault(P, Q3_PAYMENT, "consent", LocalDate.of(2027, 10, 10))))
                .isEqualTo(new EventOfDefaultWaived(P, Q3_PAYMENT, "consent", LocalDate.of(2027, 10, 10)));
        assertThat(refuse(new WaiveEventOfDefault(P, Q3_PAYMENT, "again", LocalDate.of(2027, 10, 11))))
                .isEqualTo(ALREADY_WAIVED);
        assertThat(refuse(draw)).as("waived: the draw meets its other rules").isEqualTo(CURRENCY_MISMATCH);
    }

    @Test
    void theCureReleasesTheLockUpToTheInvestorsNotInDefault() {
        operating();
        q1();
        q2();
        q3();
        accept(new WaiveEventOfDefault(P, Q3_PAYMENT, "consent", LocalDate.of(2027, 10, 10)));
        accept(new CallCapital(P, new CallId("C2"), PH, d("200000.00"), "USD", "works", LocalDate.of(2027, 10, 20)));
        accept(new RecordCallDefault(P, new CallId("C2"), B, LocalDate.of(2027, 11, 1)));
        accept(cashFlow(Q4, "7000000.00", "1000000.00", "0.00", "0.00"));
        WaterfallRun q4 = (WaterfallRun) accept(new RunWaterfall(P, Q4));
        // Senior 23,184.00 + the last installment 2,520,000.00 from 6,000,000.00; T = 0 (nothing left outstanding)
        // releases the DSRA's 100,000.00; mezzanine 36,800.00 (Q3's unpaid 18,400.00 and Q4's). DSCR 7,450,000 /
        // 3,711,564 = 2.00724.. ≥ 2: 3,520,016.00 + the lock-up's 45,304.00 go to A; B is in default.
        assertThat(q4.steps()).containsExactly(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "23184.00", "23184.00"),
                step(WaterfallStep.SENIOR_PRINCIPAL, "2520000.00", "2520000.00"),
                step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "36800.00", "36800.00"),
                step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00"));
        assertThat(q4.tranches().get(1)).isEqualTo(new TranchePayment(SEN, usd("23184.00"), usd("0.00"),
                usd("2520000.00"), seniorShares("1680000.00", "840000.00"),
                List.of(new InstallmentPayment(LocalDate.of(2028, 1, 1), usd("2520000.00"))), usd("0.00")));
        assertThat(q4.dsra()).isEqualTo(new Dsra(usd("100000.00"), usd("0.00"), usd("100000.00"), usd("0.00"),
                usd("0.00"), usd("0.00")));
        assertThat(q4.dscr()).isEqualByComparingTo("2.0072");
        assertThat(q4.distributionTest()).isEqualTo(new WaterfallRun.DistributionTest(true, List.of()));
        assertThat(q4.lockUp()).isEqualTo(new LockUp(usd("45304.00"), usd("0.00"), usd("45304.00"), usd("0.00")));
        assertThat(q4.distributed()).isEqualTo(usd("3565320.00"));
        assertThat(q4.allocations()).containsExactly(new InvestorAmount(A, usd("3565320.00")));
        assertThat(q4.excluded()).containsExactly(new Exclusion(B, ExclusionReason.IN_DEFAULT));
        assertThat(state.debt().tranche(SEN).orElseThrow().outstanding()).isEqualTo(usd("0.00"));
        assertThat(state.cashFlows().distributed()).containsEntry(A, d("3615378.00")).containsEntry(B, d("50058.00"));
        assertThat(state.cashFlows().paid(MEZ).interest()).isEqualByComparingTo("73000.00");
    }

    @Test
    void aBackDatedFixingCorrectionIsDueAtTheNextWaterfallAndCorrectsThePastPeriodsDebtService() {
        operating();
        q1();
        // SOFR corrected from 3.6% to 4.6% from 2027-01-01, after Q1 paid 32,400.00 on the old rate.
        fixings.fix(new BaseRateName("SOFR"), JAN_1, new Rate(new BigDecimal("4.60000")));
        WaterfallRun q2 = q2();
        // Senior: Q1 now 3,600,000 × 4.6 × 90 / 36,000 = 41,400.00, Q2 3,240,000 × 4.6 × 91 / 36,000 = 37,674.00:
        // 41,400.00 + 37,674.00 − 32,400.00 paid = 46,674.00 due. Mezzanine at 8.2%: 1,000,000 × 8.2 × 181 / 36,000
        // = 41,227.777.. → 41,227.78 − 18,000.00 = 23,227.78. T for Q3: 2,880,000 × 4.6 × 92 / 36,000 = 33,856.00 +
        // 360,000.00 = 393,856.00: 4,372.00 topped up. DSCR 1,350,000 / (401,400 + 397,674) = 1.68945..
        assertThat(q2.steps()).containsExactly(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "46674.00", "46674.00"),
                step(WaterfallStep.SENIOR_PRINCIPAL, "360000.00", "360000.00"),
                step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "23227.78", "23227.78"),
                step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00"));
        assertThat(q2.dsra()).isEqualTo(new Dsra(usd("389484.00"), usd("0.00"), usd("0.00"), usd("4372.00"),
                usd("393856.00"), usd("393856.00")));
        assertThat(q2.dscr()).isEqualByComparingTo("1.6895");
        assertThat(q2.lockUp()).isEqualTo(new LockUp(usd("0.00"), usd("15726.22"), usd("0.00"), usd("15726.22")));
    }

    @Test
    void theInvestorsAreTakenAtThePeriodEndNotOnThePaymentDate() {
        operating();
        accept(new CallCapital(P, new CallId("C2"), PH, d("200000.00"), "USD", "works", LocalDate.of(2027, 3, 15)));
        // B defaults on the payment date itself: at the period end it was not in default.
        accept(new RecordCallDefault(P, new CallId("C2"), B, LocalDate.of(2027, 4, 1)));
        WaterfallRun q1 = q1();
        assertThat(q1.allocations()).containsExactly(new InvestorAmount(A, usd("50058.00")),
                new InvestorAmount(B, usd("50058.00")));
        assertThat(q1.excluded()).isEmpty();
    }

    @Test
    void theAggregateRunsAWaterfallOnTheFixingsItIsGiven() {
        operating();
        accept(cashFlow(Q1, "1000000.00", "100000.00", "0.00", "0.00"));
        List<Object> given = List.copyOf(history);
        WaterfallRun expected = (WaterfallRun) accept(new RunWaterfall(P, Q1));
        AggregateTestFixture<Program> fixture = Stargate.fixture(fixings);
        fixture.given(given.toArray()).when(new RunWaterfall(P, Q1)).expectEvents(expected);
        fixture.given(plus(given, expected).toArray()).when(new RunWaterfall(P, Q1))
               .expectException(LedgerRejection.class);
    }

    private static List<Object> plus(List<Object> events, Object more) {
        List<Object> all = new java.util.ArrayList<>(events);
        all.add(more);
        return all;
    }

    @Test
    void malformedTermsAreACallersBug() {
        funded();
        assertThatThrownBy(() -> ProgramDecider.decide(state, new SetOperatingTerms(P, JAN_1, 4, d("2"), d("1"), 1,
                JAN_1), fixings)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgramDecider.decide(state, new SetOperatingTerms(P, JAN_1, 3, d("1"), d("2"), 1,
                JAN_1), fixings)).isInstanceOf(IllegalArgumentException.class);
    }
}
