package com.capitalledger.projections.fold.cashflow;

import com.capitalledger.core.cashflow.RepaymentSchedule;
import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The cash-flow read model of one program: a pure fold of its {@link CashFlowFact}s effective by the as-of date and
 * known at the instant, in stream order. A later terms, schedule or cash flow for the same thing replaces the earlier
 * (the core refuses a replacement once it is locked), as does a later valuation of the same date; every figure of a
 * waterfall is the one its event carries.
 */
public final class CashFlows {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

    private OperatingTermsSet terms;
    private final SortedMap<LocalDate, OperatingCashFlowRecorded> cashFlows = new TreeMap<>();
    private final SortedMap<LocalDate, WaterfallRun> waterfalls = new TreeMap<>();
    private final Map<String, RepaymentScheduleSet> schedules = new TreeMap<>();
    private final Set<String> waived = new HashSet<>();
    private final SortedMap<LocalDate, ValuationRecorded> valuations = new TreeMap<>();

    public CashFlows applyAll(List<CashFlowFact> facts) {
        facts.forEach(this::apply);
        return this;
    }

    public CashFlows apply(CashFlowFact fact) {
        fact.event().accept(new CashFlowEvent.Visitor<Void>() {
            @Override
            public Void termsSet(OperatingTermsSet event) {
                terms = event;
                return null;
            }

            @Override
            public Void scheduleSet(RepaymentScheduleSet event) {
                schedules.put(event.trancheId().value(), event);
                return null;
            }

            @Override
            public Void cashFlowRecorded(OperatingCashFlowRecorded event) {
                cashFlows.put(event.periodEnd(), event);
                return null;
            }

            @Override
            public Void waterfallRun(WaterfallRun event) {
                waterfalls.put(event.periodEnd(), event);
                return null;
            }

            @Override
            public Void eventOfDefaultWaived(EventOfDefaultWaived event) {
                waived.add(event.eventOfDefaultId().value());
                return null;
            }

            @Override
            public Void valuationRecorded(ValuationRecorded event) {
                valuations.put(event.valuationDate(), event);
                return null;
            }
        });
        return this;
    }

    /** The {@code cash-flows} document. */
    public CashFlowsView view(String programId, LocalDate asOf) {
        List<CashFlowsView.CashFlowPeriod> periods = new ArrayList<>();
        cashFlows.forEach((end, flow) -> periods.add(new CashFlowsView.CashFlowPeriod(end, end.plusDays(1),
                flow.revenue().amount(), flow.operatingCosts().amount(), flow.taxes().amount(),
                flow.maintenanceCapex().amount(), flow.cfads(),
                Optional.ofNullable(waterfalls.get(end)).map(CashFlows::waterfall).orElse(null))));
        List<CashFlowsView.EventOfDefaultView> defaults = new ArrayList<>();
        waterfalls.values().forEach(run -> run.eventsOfDefault().forEach(eod -> defaults.add(
                new CashFlowsView.EventOfDefaultView(eod.id().value(), run.periodEnd(), eod.reason().name(),
                        waived.contains(eod.id().value())))));
        CashFlowsView.OperatingTermsView viewTerms = terms == null ? null
                : new CashFlowsView.OperatingTermsView(terms.operationsStart(), terms.periodMonths(),
                        reported(terms.lockUpDscr()), reported(terms.defaultDscr()), terms.dsraPeriods());
        return new CashFlowsView(programId, asOf, viewTerms, periods, defaults);
    }

    /** The {@code distributions} document: one per waterfall that distributed more than zero, oldest first. */
    public List<DistributionView> distributions() {
        return waterfalls.values().stream().filter(run -> run.distributed().amount().signum() > 0)
                .map(run -> new DistributionView(run.paymentDate(), run.distributed().amount(),
                        run.allocations().stream().map(a -> new DistributionView.DistributionAllocation(
                                a.investorId().value(), a.amount().amount())).toList(),
                        run.excluded().stream().map(x -> new DistributionView.DistributionExclusion(
                                x.investorId().value(), x.reason().name())).toList()))
                .toList();
    }

    /** The latest valuation folded (on or before the as-of date), if any. */
    public Optional<ValuationRecorded> latestValuation() {
        return valuations.isEmpty() ? Optional.empty() : Optional.of(valuations.get(valuations.lastKey()));
    }

    /** The DSRA's balance after the last waterfall (zero before any). */
    public BigDecimal dsraBalance() {
        return waterfalls.isEmpty() ? ZERO : waterfalls.get(waterfalls.lastKey()).dsra().closing().amount();
    }

    /** The lock-up account's balance after the last waterfall (zero before any). */
    public BigDecimal lockUpBalance() {
        return waterfalls.isEmpty() ? ZERO : waterfalls.get(waterfalls.lastKey()).lockUp().closing().amount();
    }

    /** What each investor has been distributed, by investor id. */
    public Map<String, BigDecimal> distributed() {
        Map<String, BigDecimal> distributed = new HashMap<>();
        waterfalls.values().forEach(run -> run.allocations().forEach(a -> distributed.merge(a.investorId().value(),
                a.amount().amount(), BigDecimal::add)));
        return distributed;
    }

    /**
     * A tranche's payments and schedule. {@code outstandingAtEndOf} gives the tranche's outstanding at the end of a
     * day, from which B is fixed; it is asked only once that day is on or before the as-of date.
     */
    public TrancheCashFlow tranche(String trancheId, LocalDate asOf,
                                   BiFunction<String, LocalDate, BigDecimal> outstandingAtEndOf) {
        BigDecimal interest = ZERO;
        BigDecimal fees = ZERO;
        BigDecimal arrears = ZERO;
        Map<LocalDate, BigDecimal> paid = new HashMap<>();
        for (WaterfallRun run : waterfalls.values()) {
            // A tranche owing nothing and paid nothing is left out of a waterfall: its arrears are then zero.
            arrears = ZERO;
            for (WaterfallRun.TranchePayment payment : run.tranches()) {
                if (payment.trancheId().value().equals(trancheId)) {
                    interest = interest.add(payment.interestPaid().amount());
                    fees = fees.add(payment.feePaid().amount());
                    arrears = payment.arrearsAfter().amount();
                    payment.installmentsPaid().forEach(p -> paid.merge(p.dueDate(), p.amount().amount(),
                            BigDecimal::add));
                }
            }
        }
        List<TrancheCashFlow.ScheduledInstallment> schedule = new ArrayList<>();
        RepaymentScheduleSet set = schedules.get(trancheId);
        if (set != null) {
            RepaymentSchedule repayments = new RepaymentSchedule(set.installments());
            List<BigDecimal> amounts = repayments.baseFixedOn().isAfter(asOf) ? null
                    : repayments.amounts(outstandingAtEndOf.apply(trancheId, repayments.baseFixedOn()));
            for (int k = 0; k < set.installments().size(); k++) {
                Installment installment = set.installments().get(k);
                schedule.add(new TrancheCashFlow.ScheduledInstallment(installment.dueDate(),
                        reported(installment.pct().percent()), amounts == null ? null : amounts.get(k),
                        paid.getOrDefault(installment.dueDate(), ZERO)));
            }
        }
        return new TrancheCashFlow(interest, fees, arrears, schedule);
    }

    /**
     * A threshold or an installment's share as read: always 4 decimals (the most a command takes), so the same terms
     * read the same whether a client sent "2.5" or "2.5000".
     */
    private static BigDecimal reported(BigDecimal fourDecimalsAtMost) {
        return fourDecimalsAtMost.setScale(4);
    }

    private static CashFlowsView.WaterfallView waterfall(WaterfallRun run) {
        WaterfallRun.Dsra dsra = run.dsra();
        WaterfallRun.LockUp lockUp = run.lockUp();
        return new CashFlowsView.WaterfallView(run.cashAvailable().amount(),
                run.steps().stream().map(s -> new CashFlowsView.WaterfallStepView(s.step().name(), s.due().amount(),
                        s.paid().amount(), s.shortfall().amount())).toList(),
                new CashFlowsView.DsraAccount(dsra.opening().amount(), dsra.drawn().amount(), dsra.released().amount(),
                        dsra.toppedUp().amount(), dsra.closing().amount(), dsra.target().amount()),
                new CashFlowsView.LockUpAccount(lockUp.opening().amount(), lockUp.trapped().amount(),
                        lockUp.released().amount(), lockUp.closing().amount()),
                run.dscr(), new CashFlowsView.DistributionTestView(run.distributionTest().passed(),
                        run.distributionTest().reasons().stream().map(Enum::name).toList()),
                run.distributed().amount());
    }
}
