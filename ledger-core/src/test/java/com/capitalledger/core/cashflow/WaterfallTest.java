package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.RepaymentSchedule.InstallmentDue;
import com.capitalledger.core.cashflow.Waterfall.Inputs;
import com.capitalledger.core.cashflow.Waterfall.Investor;
import com.capitalledger.core.cashflow.Waterfall.TrancheDue;
import com.capitalledger.core.cashflow.api.DistributionBlock;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.ExclusionReason;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.cashflow.api.WaterfallRun.Exclusion;
import com.capitalledger.core.cashflow.api.WaterfallRun.InstallmentPayment;
import com.capitalledger.core.cashflow.api.WaterfallRun.InvestorAmount;
import com.capitalledger.core.cashflow.api.WaterfallRun.OpenedEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun.StepResult;
import com.capitalledger.core.cashflow.api.WaterfallStep;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class WaterfallTest {

    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final LocalDate END = LocalDate.of(2027, 6, 30);
    private static final LocalDate PAY = LocalDate.of(2027, 7, 1);
    private static final TrancheId A = new TrancheId("A-SENIOR");
    private static final TrancheId B = new TrancheId("B-SENIOR");
    private static final TrancheId M = new TrancheId("M-MEZZ");
    private static final InvestorId MGX = new InvestorId("MGX");
    private static final InvestorId OPENAI = new InvestorId("OPENAI");
    private static final InvestorId SOFTBANK = new InvestorId("SOFTBANK");
    private static final BigDecimal LOCK_UP = new BigDecimal("1.2000");
    private static final BigDecimal DEFAULT = new BigDecimal("1.0500");
    private static final CoverageRatio HEALTHY = new CoverageRatio(d("3000.00"), d("1000.00"));

    private static Inputs inputs(String cfads, List<TrancheDue> tranches, String dsraOpening, String target,
                                 String lockUpOpening, CoverageRatio dscr, List<Investor> investors) {
        return new Inputs(new ProgramId("P1"), END, USD, d(cfads), tranches, d(dsraOpening), paid -> d(target),
                d(lockUpOpening), dscr, LOCK_UP, DEFAULT, false, investors);
    }

    private static TrancheDue tranche(TrancheId id, boolean senior, String interest, String fee, String principal) {
        SortedMap<LenderId, BigDecimal> lenders = new TreeMap<>();
        lenders.put(new LenderId("L1"), d("600000.00"));
        lenders.put(new LenderId("L2"), d("400000.00"));
        List<InstallmentDue> installments = d(principal).signum() == 0 ? List.of()
                : List.of(new InstallmentDue(PAY, d(principal)));
        return new TrancheDue(id, senior, d(interest), d(fee), installments, lenders);
    }

    private static List<Investor> equalHolders() {
        return List.of(new Investor(MGX, d("100.00"), false), new Investor(OPENAI, d("100.00"), false),
                new Investor(SOFTBANK, d("100.00"), false));
    }

    @Test
    void exactlyAtTheLockUpThresholdDistributesAndOneCentOfCfadsBelowTraps() {
        CoverageRatio at = new CoverageRatio(d("1200.00"), d("1000.00"));
        CoverageRatio below = new CoverageRatio(d("1199.99"), d("1000.00"));

        WaterfallRun passes = Waterfall.run(inputs("500.00", List.of(), "0.00", "0.00", "0.00", at, equalHolders()));
        WaterfallRun fails = Waterfall.run(inputs("500.00", List.of(), "0.00", "0.00", "0.00", below,
                equalHolders()));

        assertThat(passes.distributionTest()).isEqualTo(new WaterfallRun.DistributionTest(true, List.of()));
        assertThat(passes.dscr()).isEqualTo(new BigDecimal("1.2000"));
        assertThat(passes.distributed()).isEqualTo(usd("500.00"));
        assertThat(fails.distributionTest()).isEqualTo(new WaterfallRun.DistributionTest(false,
                List.of(DistributionBlock.DSCR_BELOW_LOCK_UP)));
        assertThat(fails.dscr()).isEqualTo(new BigDecimal("1.2000"));
        assertThat(fails.distributed()).isEqualTo(usd("0.00"));
        assertThat(fails.lockUp()).isEqualTo(new WaterfallRun.LockUp(usd("0.00"), usd("500.00"), usd("0.00"),
                usd("500.00")));
        assertThat(fails.eventsOfDefault()).isEmpty();
    }

    @Test
    void aSeniorShortfallDrawsTheDsraAndOpensAPaymentShortfall() {
        // Due 100 + 400 = 500; cash 300; the DSRA's 150 is drawn: 450 pays interest 100 and principal 350.
        WaterfallRun run = Waterfall.run(inputs("300.00", List.of(tranche(A, true, "100.00", "0.00", "400.00")),
                "150.00", "150.00", "0.00", HEALTHY, equalHolders()));

        assertThat(run.cashAvailable()).isEqualTo(usd("300.00"));
        assertThat(run.steps()).containsExactly(
                step(WaterfallStep.SENIOR_INTEREST_AND_FEES, "100.00", "100.00", "0.00"),
                step(WaterfallStep.SENIOR_PRINCIPAL, "400.00", "350.00", "50.00"),
                step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "0.00", "0.00", "0.00"),
                step(WaterfallStep.MEZZANINE_PRINCIPAL, "0.00", "0.00", "0.00"));
        assertThat(run.dsra()).isEqualTo(new WaterfallRun.Dsra(usd("150.00"), usd("150.00"), usd("0.00"),
                usd("0.00"), usd("0.00"), usd("150.00")));
        WaterfallRun.TranchePayment paid = run.tranches().get(0);
        assertThat(paid.principalPaid()).isEqualTo(usd("350.00"));
        assertThat(paid.principalShares()).containsExactly(new LenderShare(new LenderId("L1"), usd("210.00")),
                new LenderShare(new LenderId("L2"), usd("140.00")));
        assertThat(paid.installmentsPaid()).containsExactly(new InstallmentPayment(PAY, usd("350.00")));
        assertThat(paid.arrearsAfter()).isEqualTo(usd("50.00"));
        assertThat(run.eventsOfDefault()).containsExactly(new OpenedEventOfDefault(
                new EventOfDefaultId("EOD-2027-06-30-PAYMENT"), EventOfDefaultReason.PAYMENT_SHORTFALL));
        assertThat(run.distributionTest().reasons()).containsExactly(DistributionBlock.DSRA_BELOW_TARGET,
                DistributionBlock.PAYMENT_SHORTFALL, DistributionBlock.EVENT_OF_DEFAULT);
        assertThat(run.lockUp().trapped()).isEqualTo(usd("0.00"));
    }

    @Test
    void aDsraAboveItsTargetReleasesTheExcessIntoTheCash() {
        WaterfallRun run = Waterfall.run(inputs("1000.00", List.of(), "500.00", "300.00", "0.00", HEALTHY,
                List.of(new Investor(MGX, d("1.00"), false))));

        assertThat(run.dsra()).isEqualTo(new WaterfallRun.Dsra(usd("500.00"), usd("0.00"), usd("200.00"),
                usd("0.00"), usd("300.00"), usd("300.00")));
        assertThat(run.distributed()).isEqualTo(usd("1200.00"));
    }

    @Test
    void aDsraBelowItsTargetIsToppedUpFromTheCashLeft() {
        WaterfallRun run = Waterfall.run(inputs("1000.00", List.of(tranche(A, true, "100.00", "0.00", "0.00")),
                "0.00", "250.00", "0.00", HEALTHY, List.of(new Investor(MGX, d("1.00"), false))));

        assertThat(run.dsra().toppedUp()).isEqualTo(usd("250.00"));
        assertThat(run.dsra().closing()).isEqualTo(usd("250.00"));
        assertThat(run.distributed()).isEqualTo(usd("650.00"));
    }

    @Test
    void aStepSharedByTwoTranchesSplitsByLargestRemainderTiesToTheLowerIdInterestBeforeFee() {
        // Dues 50.00 and 50.00; cash 60.01: 30.005 each, the odd cent to the lower id A. A: interest 10 then fee.
        WaterfallRun run = Waterfall.run(inputs("60.01", List.of(tranche(A, true, "10.00", "40.00", "0.00"),
                tranche(B, true, "50.00", "0.00", "0.00")), "0.00", "0.00", "0.00", HEALTHY, equalHolders()));

        assertThat(run.tranches()).extracting(WaterfallRun.TranchePayment::interestPaid)
                .containsExactly(usd("10.00"), usd("30.00"));
        assertThat(run.tranches()).extracting(WaterfallRun.TranchePayment::feePaid)
                .containsExactly(usd("20.01"), usd("0.00"));

        // Dues 100.00 and 200.00; cash 100.01 → 33.33.. and 66.67..: floors 33.33 + 66.67, the cent to A (.67 > .33).
        WaterfallRun pro = Waterfall.run(inputs("100.01", List.of(tranche(A, true, "100.00", "0.00", "0.00"),
                tranche(B, true, "200.00", "0.00", "0.00")), "0.00", "0.00", "0.00", HEALTHY, equalHolders()));
        assertThat(pro.tranches()).extracting(WaterfallRun.TranchePayment::interestPaid)
                .containsExactly(usd("33.34"), usd("66.67"));
    }

    @Test
    void mezzanineIsPaidAfterTheDsraAndNeverFromIt() {
        WaterfallRun run = Waterfall.run(inputs("100.00", List.of(tranche(M, false, "80.00", "0.00", "50.00")),
                "500.00", "500.00", "0.00", HEALTHY, equalHolders()));

        assertThat(run.dsra().drawn()).isEqualTo(usd("0.00"));
        assertThat(run.steps().get(2)).isEqualTo(step(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, "80.00", "80.00",
                "0.00"));
        assertThat(run.steps().get(3)).isEqualTo(step(WaterfallStep.MEZZANINE_PRINCIPAL, "50.00", "20.00", "30.00"));
        assertThat(run.tranches().get(0).arrearsAfter()).isEqualTo(usd("30.00"));
        assertThat(run.eventsOfDefault()).extracting(OpenedEventOfDefault::reason)
                .containsExactly(EventOfDefaultReason.PAYMENT_SHORTFALL);
    }

    @Test
    void tenMillionAndOneCentToThreeEqualHolders() {
        WaterfallRun run = Waterfall.run(inputs("10000000.01", List.of(), "0.00", "0.00", "0.00", HEALTHY,
                equalHolders()));

        assertThat(run.allocations()).containsExactly(new InvestorAmount(MGX, usd("3333333.34")),
                new InvestorAmount(OPENAI, usd("3333333.34")), new InvestorAmount(SOFTBANK, usd("3333333.33")));
        assertThat(run.distributed()).isEqualTo(usd("10000000.01"));
    }

    @Test
    void anInvestorInDefaultIsLeftOutAndTheLockUpIsReleasedWithTheCash() {
        WaterfallRun run = Waterfall.run(inputs("100.00", List.of(), "0.00", "0.00", "50.00", HEALTHY,
                List.of(new Investor(MGX, d("100.00"), true), new Investor(OPENAI, d("300.00"), false),
                        new Investor(SOFTBANK, d("100.00"), false))));

        assertThat(run.allocations()).containsExactly(new InvestorAmount(OPENAI, usd("112.50")),
                new InvestorAmount(SOFTBANK, usd("37.50")));
        assertThat(run.excluded()).containsExactly(new Exclusion(MGX, ExclusionReason.IN_DEFAULT));
        assertThat(run.lockUp()).isEqualTo(new WaterfallRun.LockUp(usd("50.00"), usd("0.00"), usd("50.00"),
                usd("0.00")));
    }

    @Test
    void negativeCfadsPaysNothingAndTrapsNothing() {
        WaterfallRun run = Waterfall.run(inputs("-500.00", List.of(tranche(M, false, "80.00", "0.00", "0.00")),
                "0.00", "0.00", "70.00", HEALTHY, equalHolders()));

        assertThat(run.cashAvailable()).isEqualTo(usd("0.00"));
        assertThat(run.cfads()).isEqualTo(d("-500.00"));
        assertThat(run.tranches().get(0).interestPaid()).isEqualTo(usd("0.00"));
        assertThat(run.lockUp()).isEqualTo(new WaterfallRun.LockUp(usd("70.00"), usd("0.00"), usd("0.00"),
                usd("70.00")));
        assertThat(run.distributed()).isEqualTo(usd("0.00"));
    }

    @Test
    void withNobodyEligibleTheCashIsTrapped() {
        WaterfallRun run = Waterfall.run(inputs("100.00", List.of(), "0.00", "0.00", "0.00", HEALTHY,
                List.of(new Investor(MGX, d("100.00"), true))));

        assertThat(run.distributionTest().passed()).isTrue();
        assertThat(run.lockUp().trapped()).isEqualTo(usd("100.00"));
        assertThat(run.distributed()).isEqualTo(usd("0.00"));
        assertThat(run.allocations()).isEmpty();
    }

    @Test
    void aDistributionOfNothingIsNotRecorded() {
        WaterfallRun run = Waterfall.run(inputs("0.00", List.of(), "0.00", "0.00", "0.00", HEALTHY, equalHolders()));

        assertThat(run.distributed()).isEqualTo(usd("0.00"));
        assertThat(run.allocations()).isEmpty();
        assertThat(run.excluded()).isEmpty();
    }

    @Test
    void aDscrBelowTheDefaultThresholdOpensAnEventOfDefault() {
        WaterfallRun run = Waterfall.run(inputs("100.00", List.of(), "0.00", "0.00", "0.00",
                new CoverageRatio(d("1049.99"), d("1000.00")), equalHolders()));

        assertThat(run.eventsOfDefault()).containsExactly(new OpenedEventOfDefault(
                new EventOfDefaultId("EOD-2027-06-30-DSCR"), EventOfDefaultReason.DSCR_BELOW_DEFAULT));
        assertThat(run.distributionTest().reasons()).containsExactly(DistributionBlock.DSCR_BELOW_LOCK_UP,
                DistributionBlock.EVENT_OF_DEFAULT);
    }

    private static StepResult step(WaterfallStep step, String due, String paid, String shortfall) {
        return new StepResult(step, usd(due), usd(paid), usd(shortfall));
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
