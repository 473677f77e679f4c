package com.capitalledger.core.events;

import com.capitalledger.core.cashflow.api.DistributionBlock;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.ExclusionReason;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.cashflow.api.WaterfallStep;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of every event type, each naming the subjects and amounts its type carries (a call with allocations, a
 * draw with lender shares), so a fold that handles the type has something to map. {@link EventTypes} is the list it
 * must cover; a test checks that it does.
 */
public final class EventSamples {

    public static final ProgramId PROGRAM = new ProgramId("P1");
    public static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final PhaseId PHASE = new PhaseId("PH1");
    private static final InvestorId ALPHA = new InvestorId("ALPHA");
    private static final InvestorId BETA = new InvestorId("BETA");
    private static final CallId CALL = new CallId("C1");
    private static final TrancheId TRANCHE = new TrancheId("T1");
    private static final LenderId LENDER = new LenderId("L1");

    private static final Map<Class<?>, Object> SAMPLES = new LinkedHashMap<>();

    static {
        add(new ProgramCreated(PROGRAM, "Program one", USD, usd("1000000000.00"), new Percentage(new BigDecimal("75")),
                DAY));
        add(new PhaseCreated(PROGRAM, PHASE, "Phase one", usd("500000000.00"), DAY));
        add(new EquityCommitted(PROGRAM, ALPHA, "Alpha", usd("100000000.00"), DAY));
        add(new CommitmentIncreased(PROGRAM, ALPHA, usd("10000000.00"), DAY));
        add(new CommitmentReduced(PROGRAM, ALPHA, usd("5000000.00"), DAY));
        add(new CommitmentCancelled(PROGRAM, ALPHA, usd("2500000.00"), DAY));
        add(new CommitmentTransferred(PROGRAM, ALPHA, BETA, usd("1000000.00"), DAY));
        add(new CapitalCalled(PROGRAM, CALL, PHASE, usd("3000000.00"), "construction",
                List.of(new Allocation(ALPHA, usd("2000000.00")), new Allocation(BETA, usd("1000000.00"))), DAY));
        add(new CallDefaultRecorded(PROGRAM, CALL, BETA, usd("1000000.00"), DAY));
        add(new CallDefaultCured(PROGRAM, CALL, BETA, usd("1000000.00"), DAY));
        add(new TrancheCreated(PROGRAM, TRANCHE, PHASE, "Senior", Seniority.SENIOR, usd("200000000.00"),
                new BaseRateName("SOFR"), new Rate(new BigDecimal("2.2500")), new Rate(new BigDecimal("0.5000")),
                DAY.plusYears(2), List.of(new Lender(LENDER, "Lender one", usd("200000000.00"))), DAY));
        add(new TrancheDrawn(PROGRAM, TRANCHE, new DrawId("D1"), usd("4000000.00"),
                List.of(new LenderShare(LENDER, usd("4000000.00"))), DAY));
        add(new TrancheRepaid(PROGRAM, TRANCHE, new RepaymentId("R1"), usd("1000000.00"),
                List.of(new LenderShare(LENDER, usd("1000000.00"))), DAY));
        add(new TrancheRepriced(PROGRAM, TRANCHE, new Rate(new BigDecimal("2.5000")), DAY));
        add(new OperatingTermsSet(PROGRAM, DAY.plusDays(1), 3, new BigDecimal("1.2000"), new BigDecimal("1.0500"), 2,
                DAY));
        add(new RepaymentScheduleSet(PROGRAM, TRANCHE,
                List.of(new Installment(DAY.plusDays(29), new Percentage(new BigDecimal("40"))),
                        new Installment(DAY.plusDays(121), new Percentage(new BigDecimal("60")))), DAY));
        add(new OperatingCashFlowRecorded(PROGRAM, DAY, usd("5000000.00"), usd("1500000.00"), usd("250000.00"),
                usd("250000.00"), new BigDecimal("3000000.00"), DAY));
        add(waterfallRun());
        add(new EventOfDefaultWaived(PROGRAM, EventOfDefaultReason.PAYMENT_SHORTFALL.idFor(DAY.minusDays(1)),
                "lenders' consent", DAY));
        add(new ValuationRecorded(PROGRAM, DAY, usd("61000000.00"), DAY));
        add(new BaseRateFixed(new BaseRateName("SOFR"), new Rate(new BigDecimal("4.31000")), DAY));
        add(new CommandRejected("DrawTranche", "COMMITMENT_EXCEEDED", "draw 1.00 USD would exceed the commitment",
                PROGRAM.value(), null, null, TRANCHE.value(), null, null, "D2", new BigDecimal("1.00"), DAY));
    }

    private EventSamples() {
    }

    /** The sample of an event type. */
    public static <E> E of(Class<E> type) {
        Object sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("no sample of " + type.getName() + ": add one to EventSamples");
        }
        return type.cast(sample);
    }

    /** Every sample, one per event type. */
    public static List<Object> all() {
        return List.copyOf(SAMPLES.values());
    }

    private static void add(Object sample) {
        SAMPLES.put(sample.getClass(), sample);
    }

    /** A waterfall that paid every step of one tranche, topped up the DSRA and distributed to ALPHA only. */
    private static WaterfallRun waterfallRun() {
        LocalDate periodEnd = DAY.minusDays(1);
        return new WaterfallRun(PROGRAM, periodEnd, DAY, usd("3000000.00"), new BigDecimal("3000000.00"),
                List.of(new WaterfallRun.StepResult(WaterfallStep.SENIOR_INTEREST_AND_FEES, usd("600000.00"),
                                usd("600000.00"), usd("0.00")),
                        new WaterfallRun.StepResult(WaterfallStep.SENIOR_PRINCIPAL, usd("1000000.00"),
                                usd("1000000.00"), usd("0.00")),
                        new WaterfallRun.StepResult(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, usd("0.00"),
                                usd("0.00"), usd("0.00")),
                        new WaterfallRun.StepResult(WaterfallStep.MEZZANINE_PRINCIPAL, usd("0.00"), usd("0.00"),
                                usd("0.00"))),
                List.of(new WaterfallRun.TranchePayment(TRANCHE, usd("550000.00"), usd("50000.00"),
                        usd("1000000.00"), List.of(new LenderShare(LENDER, usd("1000000.00"))),
                        List.of(new WaterfallRun.InstallmentPayment(periodEnd.plusDays(1), usd("1000000.00"))),
                        usd("0.00"))),
                new WaterfallRun.Dsra(usd("0.00"), usd("0.00"), usd("0.00"), usd("400000.00"), usd("400000.00"),
                        usd("400000.00")),
                new WaterfallRun.LockUp(usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00")),
                new BigDecimal("1.8750"), new WaterfallRun.DistributionTest(true, List.<DistributionBlock>of()),
                usd("1000000.00"), List.of(new WaterfallRun.InvestorAmount(ALPHA, usd("1000000.00"))),
                List.of(new WaterfallRun.Exclusion(BETA, ExclusionReason.IN_DEFAULT)), List.of(), DAY);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }
}
