package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.ProgramEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operating side of a program: its terms, each tranche's repayment schedule, the operating cash flows by
 * period, the periods whose waterfall has run, the DSRA and lock-up balances, what the waterfalls paid each tranche
 * (interest, fees, installments, arrears), the events of default and what each investor was distributed. Evolves by
 * cash-flow events only, in place; it decides nothing. The principal a waterfall pays is applied to the debt book by
 * the program (debt knows nothing of cash flows).
 */
public final class CashFlowBook {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private OperatingTermsSet terms;
    private final SortedMap<TrancheId, List<Installment>> schedules = new TreeMap<>();
    private final SortedMap<LocalDate, OperatingCashFlowRecorded> cashFlows = new TreeMap<>();
    private final SortedSet<LocalDate> waterfallsRun = new TreeSet<>();
    private BigDecimal dsraBalance = ZERO;
    private BigDecimal lockUpBalance = ZERO;
    private final SortedMap<TrancheId, TranchePaid> paid = new TreeMap<>();
    private final SortedMap<EventOfDefaultId, EventOfDefault> eventsOfDefault = new TreeMap<>();
    private final SortedMap<InvestorId, BigDecimal> distributed = new TreeMap<>();

    /**
     * What the waterfalls paid one tranche: interest and fees in total, money towards each installment by due date,
     * and its principal arrears after the last waterfall.
     */
    public record TranchePaid(BigDecimal interest, BigDecimal fee, SortedMap<LocalDate, BigDecimal> installments,
                              BigDecimal arrears) {

        public TranchePaid {
            installments = Collections.unmodifiableSortedMap(new TreeMap<>(installments));
        }

        public static final TranchePaid NOTHING = new TranchePaid(ZERO, ZERO, new TreeMap<>(), ZERO);
    }

    /** An event of default a waterfall opened, and the date it was waived from (null while open). */
    public record EventOfDefault(LocalDate periodEnd, EventOfDefaultReason reason, LocalDate waivedOn) {

        public boolean open() {
            return waivedOn == null;
        }
    }

    public Optional<OperatingTermsSet> terms() {
        return Optional.ofNullable(terms);
    }

    /** The periods of the terms in force; empty before any. */
    public Optional<Periods> periods() {
        return terms().map(t -> new Periods(t.operationsStart(), t.periodMonths()));
    }

    public Optional<RepaymentSchedule> schedule(TrancheId id) {
        return Optional.ofNullable(schedules.get(id)).map(RepaymentSchedule::new);
    }

    public Optional<OperatingCashFlowRecorded> cashFlow(LocalDate periodEnd) {
        return Optional.ofNullable(cashFlows.get(periodEnd));
    }

    public boolean waterfallRun(LocalDate periodEnd) {
        return waterfallsRun.contains(periodEnd);
    }

    public boolean anyWaterfallRun() {
        return !waterfallsRun.isEmpty();
    }

    public BigDecimal dsraBalance() {
        return dsraBalance;
    }

    public BigDecimal lockUpBalance() {
        return lockUpBalance;
    }

    public TranchePaid paid(TrancheId id) {
        return paid.getOrDefault(id, TranchePaid.NOTHING);
    }

    public SortedMap<EventOfDefaultId, EventOfDefault> eventsOfDefault() {
        return Collections.unmodifiableSortedMap(eventsOfDefault);
    }

    public boolean eventOfDefaultOpen() {
        return eventsOfDefault.values().stream().anyMatch(EventOfDefault::open);
    }

    /** What each investor has been distributed so far. */
    public SortedMap<InvestorId, BigDecimal> distributed() {
        return Collections.unmodifiableSortedMap(distributed);
    }

    /** Applies a cash-flow event; other events leave the book as it is. */
    public void apply(ProgramEvent event) {
        if (event instanceof CashFlowEvent cashFlowEvent) {
            cashFlowEvent.accept(new Evolution());
        }
    }

    /** Made per event, never kept in a field: the aggregate's snapshots serialize the books. */
    private final class Evolution implements CashFlowEvent.Visitor<Void> {

        @Override
        public Void termsSet(OperatingTermsSet event) {
            terms = event;
            return null;
        }

        @Override
        public Void scheduleSet(RepaymentScheduleSet event) {
            schedules.put(event.trancheId(), event.installments());
            return null;
        }

        @Override
        public Void cashFlowRecorded(OperatingCashFlowRecorded event) {
            cashFlows.put(event.periodEnd(), event);
            return null;
        }

        @Override
        public Void waterfallRun(WaterfallRun run) {
            waterfallsRun.add(run.periodEnd());
            dsraBalance = run.dsra().closing().amount();
            lockUpBalance = run.lockUp().closing().amount();
            for (WaterfallRun.TranchePayment payment : run.tranches()) {
                TranchePaid before = paid(payment.trancheId());
                SortedMap<LocalDate, BigDecimal> installments = new TreeMap<>(before.installments());
                for (WaterfallRun.InstallmentPayment installment : payment.installmentsPaid()) {
                    installments.merge(installment.dueDate(), installment.amount().amount(), BigDecimal::add);
                }
                paid.put(payment.trancheId(), new TranchePaid(before.interest().add(payment.interestPaid().amount()),
                        before.fee().add(payment.feePaid().amount()), installments, payment.arrearsAfter().amount()));
            }
            for (WaterfallRun.OpenedEventOfDefault opened : run.eventsOfDefault()) {
                eventsOfDefault.put(opened.id(), new EventOfDefault(run.periodEnd(), opened.reason(), null));
            }
            for (WaterfallRun.InvestorAmount allocation : run.allocations()) {
                distributed.merge(allocation.investorId(), allocation.amount().amount(), BigDecimal::add);
            }
            return null;
        }

        @Override
        public Void eventOfDefaultWaived(EventOfDefaultWaived event) {
            eventsOfDefault.computeIfPresent(event.eventOfDefaultId(),
                    (id, open) -> new EventOfDefault(open.periodEnd(), open.reason(), event.effectiveDate()));
            return null;
        }

        /** No decision depends on a valuation: only the returns read it. */
        @Override
        public Void valuationRecorded(ValuationRecorded event) {
            return null;
        }
    }
}
