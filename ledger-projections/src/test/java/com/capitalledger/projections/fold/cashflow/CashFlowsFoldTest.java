package com.capitalledger.projections.fold.cashflow;

import com.capitalledger.core.cashflow.api.DistributionBlock;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.ExclusionReason;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.cashflow.api.WaterfallStep;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Recorded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The cash-flow read model folded from hand-written events: a quarter's cash flow corrected once, its waterfall
 * (700,000.00 of CFADS: 20,000.00 senior interest and fees, 500,000.00 principal, 100,000.00 into the DSRA and
 * 80,000.00 distributed 50,000.00 / 30,000.00, one investor left out in default), an event of default waived later;
 * as of the period end (no waterfall yet), the payment date, and as known before the correction.
 */
public class CashFlowsFoldTest {

    public static final ProgramId P1 = new ProgramId("P1");
    public static final TrancheId SENIOR = new TrancheId("SENIOR");
    static final LocalDate Q1 = day("2027-03-31");
    static final LocalDate PAY = day("2027-04-01");

    private final Journal journal = new Journal();

    /** The events of the scenario, recorded a minute apart: #1 terms ... #6 waiver. */
    public static void scenario(Journal journal) {
        journal.add(new OperatingTermsSet(P1, day("2027-01-01"), 3, d("1.2000"), d("1.0500"), 2,
                day("2027-01-01")));
        journal.add(new RepaymentScheduleSet(P1, SENIOR, List.of(new Installment(PAY, Percentage.of(d("50"))),
                new Installment(day("2027-07-01"), Percentage.of(d("50")))), day("2027-01-01")));
        journal.add(cashFlow("1000000.00", "600000.00"));
        journal.add(cashFlow("1100000.00", "700000.00"));
        journal.add(waterfall());
        journal.add(new EventOfDefaultWaived(P1, new EventOfDefaultId("EOD-2027-03-31-DSCR"), "lenders agreed",
                day("2027-05-15")));
    }

    static OperatingCashFlowRecorded cashFlow(String revenue, String cfads) {
        return new OperatingCashFlowRecorded(P1, Q1, usd(revenue), usd("300000.00"), usd("50000.00"),
                usd("50000.00"), d(cfads), Q1);
    }

    public static WaterfallRun waterfall() {
        return new WaterfallRun(P1, Q1, PAY, usd("700000.00"), d("700000.00"),
                List.of(step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "20000.00", "20000.00"),
                        step(WaterfallStep.SENIOR_PRINCIPAL, "500000.00", "500000.00"),
                        step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "0.00", "0.00"),
                        step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00")),
                List.of(new WaterfallRun.TranchePayment(SENIOR, usd("18000.00"), usd("2000.00"), usd("500000.00"),
                        List.of(new LenderShare(new LenderId("L1"), usd("300000.00")),
                                new LenderShare(new LenderId("L2"), usd("200000.00"))),
                        List.of(new WaterfallRun.InstallmentPayment(PAY, usd("500000.00"))), usd("0.00"))),
                new WaterfallRun.Dsra(usd("0.00"), usd("0.00"), usd("0.00"), usd("100000.00"), usd("100000.00"),
                        usd("100000.00")),
                new WaterfallRun.LockUp(usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00")), d("1.0400"),
                new WaterfallRun.DistributionTest(false, List.of(DistributionBlock.DSCR_BELOW_LOCK_UP)),
                usd("80000.00"),
                List.of(new WaterfallRun.InvestorAmount(new InvestorId("ALPHA"), usd("50000.00")),
                        new WaterfallRun.InvestorAmount(new InvestorId("BETA"), usd("30000.00"))),
                List.of(new WaterfallRun.Exclusion(new InvestorId("GAMMA"), ExclusionReason.IN_DEFAULT)),
                List.of(new WaterfallRun.OpenedEventOfDefault(new EventOfDefaultId("EOD-2027-03-31-DSCR"),
                        EventOfDefaultReason.DSCR_BELOW_DEFAULT)),
                PAY);
    }

    private static WaterfallRun.StepResult step(WaterfallStep step, String due, String paid) {
        return new WaterfallRun.StepResult(step, usd(due), usd(paid),
                usd(new BigDecimal(due).subtract(new BigDecimal(paid)).toPlainString()));
    }

    private CashFlows at(LocalDate asOf, Instant knownAt) {
        Bitemporal at = new Bitemporal(asOf, knownAt);
        return new CashFlows().applyAll(journal.entries().stream().map(CashFlowFact::of).flatMap(f -> f.stream())
                .filter(f -> at.includes(f.effectiveDate(), f.recordedAt())).toList());
    }

    private static Instant afterEvent(int number) {
        return Journal.START.plusSeconds(60L * (number - 1));
    }

    @Test
    void asOfThePaymentDateThePeriodShowsItsWaterfallAndTheDistribution() {
        scenario(journal);
        CashFlows flows = at(PAY, afterEvent(6));
        CashFlowsView view = flows.view("P1", PAY);

        assertThat(view.terms()).isEqualTo(new CashFlowsView.OperatingTermsView(day("2027-01-01"), 3, d("1.2000"), d("1.0500"),
                2));
        assertThat(view.periods()).singleElement().satisfies(period -> {
            assertThat(period.periodEnd()).isEqualTo(Q1);
            assertThat(period.paymentDate()).isEqualTo(PAY);
            assertThat(period.revenue()).isEqualTo(d("1100000.00"));
            assertThat(period.cfads()).isEqualTo(d("700000.00"));
            CashFlowsView.WaterfallView w = period.waterfall();
            assertThat(w.cashAvailable()).isEqualTo(d("700000.00"));
            assertThat(w.steps()).extracting(CashFlowsView.WaterfallStepView::step, CashFlowsView.WaterfallStepView::due,
                    CashFlowsView.WaterfallStepView::paid, CashFlowsView.WaterfallStepView::shortfall).containsExactly(
                    tuple("SENIOR_INTEREST_AND_FEES", d("20000.00"), d("20000.00"), d("0.00")),
                    tuple("SENIOR_PRINCIPAL", d("500000.00"), d("500000.00"), d("0.00")),
                    tuple("MEZZANINE_INTEREST_AND_FEES", d("0.00"), d("0.00"), d("0.00")),
                    tuple("MEZZANINE_PRINCIPAL", d("0.00"), d("0.00"), d("0.00")));
            assertThat(w.dsra()).isEqualTo(new CashFlowsView.DsraAccount(d("0.00"), d("0.00"), d("0.00"), d("100000.00"),
                    d("100000.00"), d("100000.00")));
            assertThat(w.lockUp().closing()).isEqualTo(d("0.00"));
            assertThat(w.dscr()).isEqualTo(d("1.0400"));
            assertThat(w.distributionTest()).isEqualTo(new CashFlowsView.DistributionTestView(false,
                    List.of("DSCR_BELOW_LOCK_UP")));
            // 700,000.00 − 20,000.00 − 500,000.00 − 100,000.00
            assertThat(w.distributed()).isEqualTo(d("80000.00"));
        });
        // The waiver takes effect on 2027-05-15: as of the payment date the event of default is open.
        assertThat(view.eventsOfDefault()).containsExactly(new CashFlowsView.EventOfDefaultView("EOD-2027-03-31-DSCR",
                Q1, "DSCR_BELOW_DEFAULT", false));
        assertThat(flows.distributions()).containsExactly(new DistributionView(PAY, d("80000.00"),
                List.of(new DistributionView.DistributionAllocation("ALPHA", d("50000.00")),
                        new DistributionView.DistributionAllocation("BETA", d("30000.00"))),
                List.of(new DistributionView.DistributionExclusion("GAMMA", "IN_DEFAULT"))));
        assertThat(flows.dsraBalance()).isEqualTo(d("100000.00"));
        assertThat(flows.lockUpBalance()).isEqualTo(d("0.00"));
        assertThat(flows.distributed()).containsEntry("ALPHA", d("50000.00")).containsEntry("BETA", d("30000.00"))
                .hasSize(2);
    }

    @Test
    void asOfThePeriodEndTheCashFlowIsThereButNotItsWaterfall() {
        scenario(journal);
        CashFlows flows = at(Q1, afterEvent(6));

        assertThat(flows.view("P1", Q1).periods()).singleElement()
                .satisfies(period -> assertThat(period.waterfall()).isNull());
        assertThat(flows.view("P1", Q1).eventsOfDefault()).isEmpty();
        assertThat(flows.distributions()).isEmpty();
        assertThat(flows.dsraBalance()).isEqualTo(d("0.00"));
        assertThat(flows.distributed()).isEmpty();
    }

    @Test
    void knownBeforeTheCorrectionThePeriodShowsTheFirstRecord() {
        scenario(journal);
        CashFlows flows = at(PAY, afterEvent(3));

        assertThat(flows.view("P1", PAY).periods()).singleElement().satisfies(period -> {
            assertThat(period.revenue()).isEqualTo(d("1000000.00"));
            assertThat(period.cfads()).isEqualTo(d("600000.00"));
            assertThat(period.waterfall()).isNull();
        });
    }

    @Test
    void aWaiverInEffectShowsTheEventOfDefaultWaived() {
        scenario(journal);

        assertThat(at(day("2027-05-15"), afterEvent(6)).view("P1", day("2027-05-15")).eventsOfDefault())
                .extracting(CashFlowsView.EventOfDefaultView::waived).containsExactly(true);
        assertThat(at(day("2027-05-15"), afterEvent(5)).view("P1", day("2027-05-15")).eventsOfDefault())
                .extracting(CashFlowsView.EventOfDefaultView::waived).containsExactly(false);
    }

    @Test
    void aTranchesPaymentsAndScheduleFromBOn() {
        scenario(journal);
        // B is fixed at the end of 2027-03-31: 1,000,000.00 outstanding then, so 500,000.00 per 50 % installment.
        TrancheCashFlow paid = at(PAY, afterEvent(6)).tranche("SENIOR", PAY, (tranche, day) -> {
            assertThat(day).isEqualTo(Q1);
            return d("1000000.00");
        });
        assertThat(paid.interestPaid()).isEqualTo(d("18000.00"));
        assertThat(paid.feesPaid()).isEqualTo(d("2000.00"));
        assertThat(paid.principalArrears()).isEqualTo(d("0.00"));
        assertThat(paid.schedule()).containsExactly(
                new TrancheCashFlow.ScheduledInstallment(PAY, d("50.0000"), d("500000.00"), d("500000.00")),
                new TrancheCashFlow.ScheduledInstallment(day("2027-07-01"), d("50.0000"), d("500000.00"), d("0.00")));

        // The day before B is fixed, the amounts are not known yet.
        TrancheCashFlow before = at(day("2027-03-30"), afterEvent(6)).tranche("SENIOR", day("2027-03-30"),
                (tranche, day) -> {
                    throw new AssertionError("B is not fixed yet");
                });
        assertThat(before.schedule()).extracting(TrancheCashFlow.ScheduledInstallment::amount)
                .containsExactly(null, null);
        assertThat(before.interestPaid()).isEqualTo(d("0.00"));
    }

    @Test
    void anotherFamilyIsNoCashFlowFact() {
        assertThat(CashFlowFact.of(new Recorded<>("not an event", 1, Journal.START))).isEmpty();
    }
}
