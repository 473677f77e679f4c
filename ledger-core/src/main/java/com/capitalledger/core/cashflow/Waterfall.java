package com.capitalledger.core.cashflow;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.cashflow.RepaymentSchedule.InstallmentDue;
import com.capitalledger.core.cashflow.api.DistributionBlock;
import com.capitalledger.core.cashflow.api.EventOfDefaultReason;
import com.capitalledger.core.cashflow.api.ExclusionReason;
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
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Steps 1-7 of section 10, on figures already accrued and scheduled: pure arithmetic on exact cents. Each step pays
 * min(due, cash left); a step shared by several tranches splits its payment pro rata to their dues by largest
 * remainder (ties to the lower tranche id), and within a tranche pays interest before the commitment fee and the
 * oldest installment first. If C does not cover steps 1-2 the DSRA is drawn for the shortfall, up to its balance,
 * before either is paid; step 3 then releases the DSRA's excess over its target T into the cash, or tops it up from
 * the cash. Step 6 tests the distribution; step 7 distributes pro rata to paid-in among investors not in default.
 */
public final class Waterfall {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Waterfall() {
    }

    /**
     * What one tranche owes at this payment date.
     *
     * @param principal           the installments due, oldest first (arrears included, capped at the outstanding)
     * @param outstandingByLender the weights of the principal's split across lenders, as a repayment's
     */
    public record TrancheDue(TrancheId trancheId, boolean senior, BigDecimal interestDue, BigDecimal feeDue,
                             List<InstallmentDue> principal, SortedMap<LenderId, BigDecimal> outstandingByLender) {

        BigDecimal principalDue() {
            return principal.stream().map(InstallmentDue::amount).reduce(ZERO, BigDecimal::add);
        }
    }

    /** The investors as the distribution sees them at the period end. */
    public record Investor(InvestorId investorId, BigDecimal paidIn, boolean inDefault) {
    }

    /**
     * @param dsraTarget T from the principal this waterfall pays each tranche (see {@link DsraTarget})
     * @param eventOfDefaultOpen whether an event of default opened by an earlier waterfall is still open
     */
    public record Inputs(ProgramId programId, LocalDate periodEnd, CurrencyCode currency, BigDecimal cfads,
                         List<TrancheDue> tranches, BigDecimal dsraOpening,
                         Function<Map<TrancheId, BigDecimal>, BigDecimal> dsraTarget, BigDecimal lockUpOpening,
                         CoverageRatio dscr, BigDecimal lockUpDscr, BigDecimal defaultDscr,
                         boolean eventOfDefaultOpen, List<Investor> investors) {
    }

    private static final class Paid {
        BigDecimal interest = ZERO;
        BigDecimal fee = ZERO;
        BigDecimal principal = ZERO;
        final List<InstallmentPayment> installments = new ArrayList<>();
    }

    public static WaterfallRun run(Inputs in) {
        CurrencyCode usd = in.currency();
        Map<TrancheId, Paid> paid = new TreeMap<>();
        in.tranches().forEach(t -> paid.put(t.trancheId(), new Paid()));

        BigDecimal cash = in.cfads().max(ZERO);
        BigDecimal cashAvailable = cash;
        List<TrancheDue> senior = in.tranches().stream().filter(TrancheDue::senior).toList();
        List<TrancheDue> mezzanine = in.tranches().stream().filter(t -> !t.senior()).toList();

        BigDecimal seniorDue = interestAndFees(senior).add(principal(senior));
        BigDecimal dsraDrawn = ZERO;
        if (cash.compareTo(seniorDue) < 0) {
            dsraDrawn = seniorDue.subtract(cash).min(in.dsraOpening());
            cash = cash.add(dsraDrawn);
        }
        List<StepResult> steps = new ArrayList<>();
        cash = payInterestAndFees(WaterfallStep.SENIOR_INTEREST_AND_FEES, senior, cash, paid, steps, usd);
        cash = payPrincipal(WaterfallStep.SENIOR_PRINCIPAL, senior, cash, paid, steps, usd);

        Map<TrancheId, BigDecimal> principalPaid = new TreeMap<>();
        paid.forEach((id, p) -> principalPaid.put(id, p.principal));
        BigDecimal target = in.dsraTarget().apply(principalPaid);
        BigDecimal dsra = in.dsraOpening().subtract(dsraDrawn);
        BigDecimal released = ZERO;
        BigDecimal toppedUp = ZERO;
        if (dsra.compareTo(target) > 0) {
            released = dsra.subtract(target);
            cash = cash.add(released);
        } else {
            toppedUp = target.subtract(dsra).min(cash);
            cash = cash.subtract(toppedUp);
        }
        BigDecimal dsraClosing = dsra.subtract(released).add(toppedUp);

        cash = payInterestAndFees(WaterfallStep.MEZZANINE_INTEREST_AND_FEES, mezzanine, cash, paid, steps, usd);
        cash = payPrincipal(WaterfallStep.MEZZANINE_PRINCIPAL, mezzanine, cash, paid, steps, usd);

        boolean paidInFull = steps.stream().allMatch(s -> s.shortfall().signum() == 0);
        List<OpenedEventOfDefault> opened = new ArrayList<>();
        if (in.dscr().below(in.defaultDscr())) {
            opened.add(eventOfDefault(EventOfDefaultReason.DSCR_BELOW_DEFAULT, in.periodEnd()));
        }
        if (!paidInFull) {
            opened.add(eventOfDefault(EventOfDefaultReason.PAYMENT_SHORTFALL, in.periodEnd()));
        }
        List<DistributionBlock> reasons = DistributionTest.reasons(in.dscr(), in.lockUpDscr(),
                dsraClosing.compareTo(target) >= 0, paidInFull, in.eventOfDefaultOpen() || !opened.isEmpty());

        BigDecimal trapped = ZERO;
        BigDecimal lockUpReleased = ZERO;
        BigDecimal distributed = ZERO;
        List<InvestorAmount> allocations = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        SortedMap<InvestorId, BigDecimal> eligible = new TreeMap<>();
        for (Investor investor : in.investors()) {
            if (investor.paidIn().signum() > 0 && !investor.inDefault()) {
                eligible.put(investor.investorId(), investor.paidIn());
            }
        }
        BigDecimal distributable = cash.add(in.lockUpOpening());
        if (reasons.isEmpty() && !eligible.isEmpty() && distributable.signum() > 0) {
            lockUpReleased = in.lockUpOpening();
            distributed = distributable;
            LargestRemainder.split(distributed, eligible).forEach((id, amount) ->
                    allocations.add(new InvestorAmount(id, money(amount, usd))));
            for (Investor investor : in.investors()) {
                if (investor.paidIn().signum() > 0 && investor.inDefault()) {
                    excluded.add(new Exclusion(investor.investorId(), ExclusionReason.IN_DEFAULT));
                }
            }
        } else {
            trapped = cash;
        }
        BigDecimal lockUpClosing = in.lockUpOpening().add(trapped).subtract(lockUpReleased);

        List<TranchePayment> payments = new ArrayList<>();
        for (TrancheDue tranche : in.tranches()) {
            Paid p = paid.get(tranche.trancheId());
            BigDecimal arrearsAfter = tranche.principalDue().subtract(p.principal);
            List<LenderShare> shares = new ArrayList<>();
            if (p.principal.signum() > 0) {
                LargestRemainder.split(p.principal, tranche.outstandingByLender()).forEach((id, amount) ->
                        shares.add(new LenderShare(id, money(amount, usd))));
            }
            payments.add(new TranchePayment(tranche.trancheId(), money(p.interest, usd), money(p.fee, usd),
                    money(p.principal, usd), shares, p.installments, money(arrearsAfter, usd)));
        }
        LocalDate paymentDate = Periods.paymentDate(in.periodEnd());
        return new WaterfallRun(in.programId(), in.periodEnd(), paymentDate, money(cashAvailable, usd),
                in.cfads(), steps, payments,
                new Dsra(money(in.dsraOpening(), usd), money(dsraDrawn, usd), money(released, usd),
                        money(toppedUp, usd), money(dsraClosing, usd), money(target, usd)),
                new LockUp(money(in.lockUpOpening(), usd), money(trapped, usd), money(lockUpReleased, usd),
                        money(lockUpClosing, usd)),
                in.dscr().reported().orElse(null),
                new WaterfallRun.DistributionTest(reasons.isEmpty(), reasons), money(distributed, usd),
                allocations, excluded, opened, paymentDate);
    }

    private static OpenedEventOfDefault eventOfDefault(EventOfDefaultReason reason, LocalDate periodEnd) {
        return new OpenedEventOfDefault(reason.idFor(periodEnd), reason);
    }

    private static BigDecimal interestAndFees(List<TrancheDue> tranches) {
        return tranches.stream().map(t -> t.interestDue().add(t.feeDue())).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal principal(List<TrancheDue> tranches) {
        return tranches.stream().map(TrancheDue::principalDue).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal payInterestAndFees(WaterfallStep step, List<TrancheDue> tranches, BigDecimal cash,
                                                 Map<TrancheId, Paid> paid, List<StepResult> steps, CurrencyCode usd) {
        SortedMap<TrancheId, BigDecimal> dues = new TreeMap<>();
        tranches.forEach(t -> dues.put(t.trancheId(), t.interestDue().add(t.feeDue())));
        Map<TrancheId, BigDecimal> shares = pay(step, dues, cash, steps, usd);
        for (TrancheDue tranche : tranches) {
            BigDecimal share = shares.getOrDefault(tranche.trancheId(), ZERO);
            Paid p = paid.get(tranche.trancheId());
            p.interest = share.min(tranche.interestDue());
            p.fee = share.subtract(p.interest);
        }
        return cash.subtract(steps.get(steps.size() - 1).paid().amount());
    }

    private static BigDecimal payPrincipal(WaterfallStep step, List<TrancheDue> tranches, BigDecimal cash,
                                           Map<TrancheId, Paid> paid, List<StepResult> steps, CurrencyCode usd) {
        SortedMap<TrancheId, BigDecimal> dues = new TreeMap<>();
        tranches.forEach(t -> dues.put(t.trancheId(), t.principalDue()));
        Map<TrancheId, BigDecimal> shares = pay(step, dues, cash, steps, usd);
        for (TrancheDue tranche : tranches) {
            BigDecimal left = shares.getOrDefault(tranche.trancheId(), ZERO);
            Paid p = paid.get(tranche.trancheId());
            p.principal = left;
            for (InstallmentDue installment : tranche.principal()) {
                if (left.signum() == 0) {
                    break;
                }
                BigDecimal amount = installment.amount().min(left);
                p.installments.add(new InstallmentPayment(installment.dueDate(), money(amount, usd)));
                left = left.subtract(amount);
            }
        }
        return cash.subtract(steps.get(steps.size() - 1).paid().amount());
    }

    /** Pays min(due, cash) split pro rata to the dues by largest remainder; records the step. */
    private static Map<TrancheId, BigDecimal> pay(WaterfallStep step, SortedMap<TrancheId, BigDecimal> dues,
                                                  BigDecimal cash, List<StepResult> steps, CurrencyCode usd) {
        BigDecimal due = dues.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal paid = due.min(cash);
        steps.add(new StepResult(step, money(due, usd), money(paid, usd), money(due.subtract(paid), usd)));
        return due.signum() == 0 ? Map.of() : LargestRemainder.split(paid, dues);
    }

    private static Money money(BigDecimal amount, CurrencyCode currency) {
        return new Money(amount.setScale(2), currency);
    }
}
