package com.capitalledger.core.program;

import com.capitalledger.core.calc.Act360;
import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.cashflow.CashFlowBook;
import com.capitalledger.core.cashflow.CashFlowBook.EventOfDefault;
import com.capitalledger.core.cashflow.CashFlowBook.TranchePaid;
import com.capitalledger.core.cashflow.CoverageRatio;
import com.capitalledger.core.cashflow.DsraTarget;
import com.capitalledger.core.cashflow.Periods;
import com.capitalledger.core.cashflow.RepaymentSchedule;
import com.capitalledger.core.cashflow.Waterfall;
import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.debt.DebtBook;
import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.TrancheAccruals;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static com.capitalledger.core.shared.RejectionCode.ALREADY_WAIVED;
import static com.capitalledger.core.shared.RejectionCode.INVALID_AMOUNT;
import static com.capitalledger.core.shared.RejectionCode.INVALID_PERIOD;
import static com.capitalledger.core.shared.RejectionCode.INVALID_SCHEDULE;
import static com.capitalledger.core.shared.RejectionCode.NO_CASH_FLOW;
import static com.capitalledger.core.shared.RejectionCode.NO_OPERATING_TERMS;
import static com.capitalledger.core.shared.RejectionCode.PERIOD_CLOSED;
import static com.capitalledger.core.shared.RejectionCode.PERIOD_OUT_OF_ORDER;
import static com.capitalledger.core.shared.RejectionCode.SCHEDULE_LOCKED;
import static com.capitalledger.core.shared.RejectionCode.TERMS_LOCKED;
import static com.capitalledger.core.shared.RejectionCode.UNKNOWN_EVENT_OF_DEFAULT;
import static com.capitalledger.core.shared.RejectionCode.WATERFALL_ALREADY_RUN;

/**
 * Decisions on operations (section 10): terms, repayment schedules, operating cash flows, the waterfall and waivers.
 * Each checks the ids, then section 10's codes in its order (NO_OPERATING_TERMS, INVALID_PERIOD, TERMS_LOCKED,
 * INVALID_SCHEDULE, SCHEDULE_LOCKED, PERIOD_CLOSED, NO_CASH_FLOW, PERIOD_OUT_OF_ORDER, WATERFALL_ALREADY_RUN,
 * UNKNOWN_EVENT_OF_DEFAULT, ALREADY_WAIVED), then currency and amounts, then section 4's rules (BACKDATED_COMMAND;
 * cash flows are exempt). The waterfall gathers its inputs from the state here and leaves the arithmetic to the
 * {@link Waterfall} policy.
 */
final class CashFlowDecisions {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private CashFlowDecisions() {
    }

    /** Malformed terms are the HTTP layer's 400 VALIDATION_FAILED; here they are a caller's bug. */
    static ProgramEvent setTerms(ProgramState state, SetOperatingTerms command) {
        if (state.cashFlows().anyWaterfallRun()) {
            throw new LedgerRejection(TERMS_LOCKED, "the operating terms of program " + state.terms().programId()
                    + " are locked: a waterfall has run");
        }
        if (command.operationsStart() == null || command.effectiveDate() == null) {
            throw new IllegalArgumentException("operations start and effective date are required");
        }
        if (command.periodMonths() != 3 && command.periodMonths() != 6) {
            throw new IllegalArgumentException("a period is 3 or 6 months, not " + command.periodMonths());
        }
        if (command.dsraPeriods() < 0 || command.dsraPeriods() > 4) {
            throw new IllegalArgumentException("the DSRA holds 0 to 4 periods, not " + command.dsraPeriods());
        }
        BigDecimal lockUp = dscr("lock-up DSCR", command.lockUpDscr());
        BigDecimal onDefault = dscr("default DSCR", command.defaultDscr());
        if (onDefault.compareTo(lockUp) > 0) {
            throw new IllegalArgumentException("the default DSCR " + onDefault + " is above the lock-up DSCR " + lockUp);
        }
        NoBackdating.check(state, command.effectiveDate());
        return new OperatingTermsSet(state.terms().programId(), command.operationsStart(), command.periodMonths(),
                lockUp, onDefault, command.dsraPeriods(), command.effectiveDate());
    }

    private static BigDecimal dscr(String what, BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException(what + " must be above zero with at most 4 decimals: " + value);
        }
        return value;
    }

    static ProgramEvent setSchedule(ProgramState state, SetRepaymentSchedule command) {
        Require.tranche(state, command.trancheId());
        Periods periods = terms(state);
        LocalDate effective = command.effectiveDate();
        List<ProposedInstallment> proposed = command.installments() == null ? List.of() : command.installments();
        if (proposed.isEmpty()) {
            throw invalidSchedule(command, "has no installment");
        }
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate previous = null;
        List<Installment> installments = new ArrayList<>();
        for (ProposedInstallment installment : proposed) {
            LocalDate due = installment.dueDate();
            if (due == null || !periods.isOperatingPeriodEnd(due.minusDays(1))) {
                throw invalidSchedule(command, "due date " + due + " is not the payment date of an operating period");
            }
            if (previous != null && !due.isAfter(previous)) {
                throw invalidSchedule(command, "due dates are not strictly increasing at " + due);
            }
            if (!due.isAfter(effective)) {
                throw invalidSchedule(command, "due date " + due + " is not after the schedule's effective date "
                        + effective);
            }
            BigDecimal pct = installment.pct();
            if (pct == null || pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0 || pct.scale() > Percentage.MAX_SCALE) {
                throw invalidSchedule(command, "percentage " + pct + " is not above 0 and at most 100 with up to "
                        + Percentage.MAX_SCALE + " decimals");
            }
            sum = sum.add(pct);
            previous = due;
            installments.add(new Installment(due, Percentage.of(pct)));
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw invalidSchedule(command, "percentages sum to " + sum.toPlainString() + ", not 100");
        }
        LocalDate now = state.latestEffectiveDate().isAfter(effective) ? state.latestEffectiveDate() : effective;
        state.cashFlows().schedule(command.trancheId()).ifPresent(schedule -> {
            if (!schedule.firstDueDate().isAfter(now)) {
                throw new LedgerRejection(SCHEDULE_LOCKED, "the schedule of tranche " + command.trancheId()
                        + " is locked: its first installment fell due on " + schedule.firstDueDate());
            }
        });
        NoBackdating.check(state, effective);
        return new RepaymentScheduleSet(state.terms().programId(), command.trancheId(), installments, effective);
    }

    private static LedgerRejection invalidSchedule(SetRepaymentSchedule command, String why) {
        return new LedgerRejection(INVALID_SCHEDULE, "the schedule of tranche " + command.trancheId() + " " + why);
    }

    /** Exempt from BACKDATED_COMMAND: actuals arrive after their period. */
    static ProgramEvent recordCashFlow(ProgramState state, RecordOperatingCashFlow command) {
        Periods periods = terms(state);
        LocalDate end = operatingPeriodEnd(state, periods, command.periodEnd());
        if (state.cashFlows().waterfallRun(end)) {
            throw new LedgerRejection(PERIOD_CLOSED, "the period ending " + end + " is closed: its waterfall has run");
        }
        CurrencyCode currency = Require.currency(state, command.currency());
        Money revenue = atLeastZero("revenue", command.revenue(), currency);
        Money costs = atLeastZero("operating costs", command.operatingCosts(), currency);
        Money taxes = atLeastZero("taxes", command.taxes(), currency);
        Money capex = atLeastZero("maintenance capex", command.maintenanceCapex(), currency);
        BigDecimal cfads = revenue.amount().subtract(costs.amount()).subtract(taxes.amount())
                .subtract(capex.amount());
        return new OperatingCashFlowRecorded(state.terms().programId(), end, revenue, costs, taxes, capex, cfads, end);
    }

    /**
     * Needs no operating terms (equity is valued during construction too) and is exempt from BACKDATED_COMMAND like a
     * fixing: an appraisal of a date arrives after it. A second valuation of the same date replaces the first.
     */
    static ProgramEvent recordValuation(ProgramState state, RecordValuation command) {
        CurrencyCode currency = Require.currency(state, command.currency());
        Money value = atLeastZero("equity value", command.equityValue(), currency);
        return new ValuationRecorded(state.terms().programId(), command.valuationDate(), value,
                command.valuationDate());
    }

    /** An amount of at least zero: two decimals and at most fifteen digits before the point. */
    private static Money atLeastZero(String what, BigDecimal amount, CurrencyCode currency) {
        if (amount != null && amount.signum() == 0 && amount.scale() == Money.SCALE) {
            return Money.zero(currency);
        }
        try {
            return Money.of(amount, currency);
        } catch (LedgerRejection refused) {
            throw new LedgerRejection(INVALID_AMOUNT, what + ": " + refused.detail());
        }
    }

    static ProgramEvent runWaterfall(ProgramState state, RunWaterfall command, BaseRateFixings fixings) {
        Periods periods = terms(state);
        CashFlowBook book = state.cashFlows();
        LocalDate end = operatingPeriodEnd(state, periods, command.periodEnd());
        OperatingCashFlowRecorded cashFlow = book.cashFlow(end).orElseThrow(() -> new LedgerRejection(NO_CASH_FLOW,
                "no operating cash flow is recorded for the period ending " + end));
        for (LocalDate earlier = periods.firstEnd(); earlier.isBefore(end); earlier = periods.next(earlier)) {
            if (!book.waterfallRun(earlier)) {
                throw new LedgerRejection(PERIOD_OUT_OF_ORDER, "the waterfall of the period ending " + earlier
                        + " has not run; it comes before the period ending " + end);
            }
        }
        if (book.waterfallRun(end)) {
            throw new LedgerRejection(WATERFALL_ALREADY_RUN, "the waterfall of the period ending " + end
                    + " has already run");
        }
        LocalDate paymentDate = Periods.paymentDate(end);
        NoBackdating.check(state, paymentDate);
        return Waterfall.run(inputs(state, periods, cashFlow, fixings));
    }

    static ProgramEvent waive(ProgramState state, WaiveEventOfDefault command) {
        EventOfDefault eventOfDefault = state.cashFlows().eventsOfDefault().get(command.eventOfDefaultId());
        if (eventOfDefault == null) {
            throw new LedgerRejection(UNKNOWN_EVENT_OF_DEFAULT, "no event of default " + command.eventOfDefaultId()
                    + " was opened in program " + state.terms().programId());
        }
        if (!eventOfDefault.open()) {
            throw new LedgerRejection(ALREADY_WAIVED, "event of default " + command.eventOfDefaultId()
                    + " was waived on " + eventOfDefault.waivedOn());
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
        NoBackdating.check(state, command.effectiveDate());
        return new EventOfDefaultWaived(state.terms().programId(), command.eventOfDefaultId(), command.reason(),
                command.effectiveDate());
    }

    private static Periods terms(ProgramState state) {
        return state.cashFlows().periods().orElseThrow(() -> new LedgerRejection(NO_OPERATING_TERMS,
                "program " + state.terms().programId() + " has no operating terms"));
    }

    private static LocalDate operatingPeriodEnd(ProgramState state, Periods periods, LocalDate day) {
        if (day == null) {
            throw new IllegalArgumentException("a period end is required");
        }
        if (!periods.isOperatingPeriodEnd(day)) {
            throw new LedgerRejection(INVALID_PERIOD, day + " does not end an operating period of program "
                    + state.terms().programId() + " (operations start " + periods.operationsStart() + ", "
                    + periods.periodMonths() + "-month periods)");
        }
        return day;
    }

    // --- The waterfall's inputs, read from the state ---

    private static Waterfall.Inputs inputs(ProgramState state, Periods periods, OperatingCashFlowRecorded cashFlow,
                                           BaseRateFixings fixings) {
        ProgramId program = state.terms().programId();
        CurrencyCode currency = state.terms().currency();
        DebtBook debt = state.debt();
        CashFlowBook book = state.cashFlows();
        OperatingTermsSet terms = book.terms().orElseThrow();
        LocalDate end = cashFlow.periodEnd();
        LocalDate paymentDate = Periods.paymentDate(end);
        Map<TrancheId, DailySteps> rates = new HashMap<>();

        List<Waterfall.TrancheDue> dues = new ArrayList<>();
        for (Map.Entry<TrancheId, TrancheAccount> entry : debt.tranches().entrySet()) {
            TrancheId id = entry.getKey();
            TrancheAccount tranche = entry.getValue();
            TrancheAccruals accruals = debt.accruals(id);
            DailySteps base = rates.computeIfAbsent(id, key -> fixings.steps(tranche.baseRate()));
            TranchePaid paid = book.paid(id);
            BigDecimal interestDue = accruals.interest(base, end).subtract(paid.interest()).max(ZERO);
            BigDecimal feeDue = accruals.fee(end).subtract(paid.fee()).max(ZERO);
            List<RepaymentSchedule.InstallmentDue> principal = book.schedule(id)
                    .map(schedule -> schedule.dueAt(paymentDate, base(schedule, accruals), paid.installments(),
                            tranche.outstanding().amount()).installments())
                    .orElse(List.of());
            Waterfall.TrancheDue due = new Waterfall.TrancheDue(id, debt.seniority(id) == Seniority.SENIOR,
                    interestDue, feeDue, principal, tranche.outstandingByLender());
            if (due.interestDue().signum() > 0 || due.feeDue().signum() > 0 || !principal.isEmpty()) {
                dues.add(due);
            }
        }

        List<CoverageRatio.PeriodFigures> figures = new ArrayList<>();
        for (LocalDate period = periods.firstEnd(); !period.isAfter(end); period = periods.next(period)) {
            if (CoverageRatio.inWindow(period, end)) {
                BigDecimal cfads = book.cashFlow(period).orElseThrow().cfads();
                figures.add(new CoverageRatio.PeriodFigures(period, cfads,
                        seniorDebtService(state, periods, period, fixings, rates)));
            }
        }
        CoverageRatio dscr = CoverageRatio.at(end, figures);

        List<Waterfall.Investor> investors = new ArrayList<>();
        for (Map.Entry<InvestorId, InvestorAccount> entry : state.investorsAtEndOf(end).entrySet()) {
            investors.add(new Waterfall.Investor(entry.getKey(), entry.getValue().paidIn().amount(),
                    entry.getValue().inDefault()));
        }

        return new Waterfall.Inputs(program, end, currency, cashFlow.cfads(), dues, book.dsraBalance(),
                principalPaid -> dsraTarget(state, periods, terms.dsraPeriods(), end, principalPaid, fixings, rates),
                book.lockUpBalance(), dscr, terms.lockUpDscr(), terms.defaultDscr(), book.eventOfDefaultOpen(),
                investors);
    }

    /** Base B: the outstanding at the end of the day before the first due date (fixed once that day has passed). */
    private static BigDecimal base(RepaymentSchedule schedule, TrancheAccruals accruals) {
        return accruals.outstandingOn(schedule.baseFixedOn()).setScale(2);
    }

    /**
     * A period's own senior debt service: each senior tranche's interest and fee accrued over the period's days
     * (each rounded once), plus its installments scheduled at the payment date, capped at the outstanding.
     */
    private static BigDecimal seniorDebtService(ProgramState state, Periods periods, LocalDate end,
                                                BaseRateFixings fixings, Map<TrancheId, DailySteps> rates) {
        DebtBook debt = state.debt();
        BigDecimal service = ZERO;
        for (Map.Entry<TrancheId, TrancheAccount> entry : debt.tranches().entrySet()) {
            TrancheId id = entry.getKey();
            if (debt.seniority(id) != Seniority.SENIOR) {
                continue;
            }
            TrancheAccruals accruals = debt.accruals(id);
            DailySteps base = rates.computeIfAbsent(id, key -> fixings.steps(entry.getValue().baseRate()));
            LocalDate start = periods.start(end);
            service = service.add(Act360.toCents(accruals.interestRateDays(base, start, end)))
                    .add(Act360.toCents(accruals.feeRateDays(start, end)));
            BigDecimal scheduled = state.cashFlows().schedule(id)
                    .map(schedule -> schedule.scheduledOn(Periods.paymentDate(end), base(schedule, accruals)))
                    .orElse(ZERO);
            service = service.add(scheduled.min(accruals.outstandingOn(end).setScale(2)));
        }
        return service;
    }

    /** Step 3's target, given the principal this waterfall pays each tranche. */
    private static BigDecimal dsraTarget(ProgramState state, Periods periods, int dsraPeriods, LocalDate end,
                                         Map<TrancheId, BigDecimal> principalPaid, BaseRateFixings fixings,
                                         Map<TrancheId, DailySteps> rates) {
        List<DsraTarget.ForecastPeriod> forecast = new ArrayList<>();
        LocalDate period = end;
        for (int k = 0; k < dsraPeriods; k++) {
            period = periods.next(period);
            forecast.add(new DsraTarget.ForecastPeriod(Periods.paymentDate(period), periods.days(period)));
        }
        if (forecast.isEmpty()) {
            return ZERO;
        }
        LocalDate paymentDate = Periods.paymentDate(end);
        DebtBook debt = state.debt();
        List<DsraTarget.SeniorTranche> senior = new ArrayList<>();
        for (Map.Entry<TrancheId, TrancheAccount> entry : debt.tranches().entrySet()) {
            TrancheId id = entry.getKey();
            if (debt.seniority(id) != Seniority.SENIOR) {
                continue;
            }
            TrancheAccruals accruals = debt.accruals(id);
            BigDecimal after = entry.getValue().outstanding().amount()
                    .subtract(principalPaid.getOrDefault(id, ZERO));
            if (after.signum() <= 0) {
                continue;
            }
            DailySteps base = rates.computeIfAbsent(id, key -> fixings.steps(entry.getValue().baseRate()));
            BigDecimal rate = base.on(end).orElse(BigDecimal.ZERO).add(accruals.marginOn(end));
            SortedMap<LocalDate, BigDecimal> installments = new TreeMap<>();
            state.cashFlows().schedule(id).ifPresent(schedule -> {
                // B is fixed once its day has passed; until then the schedule is forecast on the balance after this
                // waterfall (no draws are forecast).
                BigDecimal b = schedule.firstDueDate().isAfter(paymentDate) ? after : base(schedule, accruals);
                List<BigDecimal> amounts = schedule.amounts(b);
                for (int k = 0; k < schedule.installments().size(); k++) {
                    LocalDate due = schedule.installments().get(k).dueDate();
                    if (due.isAfter(paymentDate)) {
                        installments.merge(due, amounts.get(k), BigDecimal::add);
                    }
                }
            });
            senior.add(new DsraTarget.SeniorTranche(after, rate, installments));
        }
        return DsraTarget.target(forecast, senior);
    }
}
