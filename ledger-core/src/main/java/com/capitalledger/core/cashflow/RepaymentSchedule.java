package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.api.Installment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tranche's repayment schedule. Base B is the tranche's outstanding at the end of the day before the first due
 * date, fixed then; installment k = HALF_EVEN(B × pctₖ / 100) for all but the last, which is B minus the others.
 * Principal due at payment date P = arrears + min(installments due at P, outstanding − arrears), paid oldest
 * installment first. Arrears are capped at the outstanding too (a voluntary repayment pays no installment, but
 * nobody owes more than the tranche's balance).
 */
public record RepaymentSchedule(List<Installment> installments) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RepaymentSchedule {
        installments = List.copyOf(installments);
        if (installments.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one installment");
        }
    }

    /** Money still owed on one installment at a payment date, in the order it is paid. */
    public record InstallmentDue(LocalDate dueDate, BigDecimal amount) {
    }

    /** What a waterfall on a payment date owes: the arrears, the part of today's installments due, and in order. */
    public record Due(BigDecimal arrears, BigDecimal current, List<InstallmentDue> installments) {

        public BigDecimal total() {
            return arrears.add(current);
        }
    }

    public LocalDate firstDueDate() {
        return installments.get(0).dueDate();
    }

    /** The day at whose end B is fixed. */
    public LocalDate baseFixedOn() {
        return firstDueDate().minusDays(1);
    }

    /** Each installment's amount for base B, in schedule order; they sum exactly to B. */
    public List<BigDecimal> amounts(BigDecimal base) {
        List<BigDecimal> amounts = new ArrayList<>(installments.size());
        BigDecimal others = BigDecimal.ZERO;
        for (int k = 0; k < installments.size() - 1; k++) {
            BigDecimal amount = base.multiply(installments.get(k).pct().percent())
                    .divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
            amounts.add(amount);
            others = others.add(amount);
        }
        amounts.add(base.subtract(others).setScale(2, RoundingMode.UNNECESSARY));
        return amounts;
    }

    /** The installment scheduled on {@code paymentDate} (zero when none falls due then). */
    public BigDecimal scheduledOn(LocalDate paymentDate, BigDecimal base) {
        List<BigDecimal> amounts = amounts(base);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int k = 0; k < installments.size(); k++) {
            if (installments.get(k).dueDate().equals(paymentDate)) {
                total = total.add(amounts.get(k));
            }
        }
        return total;
    }

    /**
     * What is due at {@code paymentDate}.
     *
     * @param paid        money already paid towards each installment, by due date
     * @param outstanding the tranche's outstanding before this payment
     */
    public Due dueAt(LocalDate paymentDate, BigDecimal base, Map<LocalDate, BigDecimal> paid, BigDecimal outstanding) {
        List<BigDecimal> amounts = amounts(base);
        List<InstallmentDue> older = new ArrayList<>();
        List<InstallmentDue> current = new ArrayList<>();
        for (int k = 0; k < installments.size(); k++) {
            LocalDate due = installments.get(k).dueDate();
            if (due.isAfter(paymentDate)) {
                break;
            }
            BigDecimal unpaid = amounts.get(k).subtract(paid.getOrDefault(due, BigDecimal.ZERO));
            if (unpaid.signum() > 0) {
                (due.isBefore(paymentDate) ? older : current).add(new InstallmentDue(due, unpaid));
            }
        }
        BigDecimal room = outstanding;
        List<InstallmentDue> inOrder = new ArrayList<>();
        BigDecimal arrears = BigDecimal.ZERO.setScale(2);
        for (InstallmentDue due : older) {
            BigDecimal amount = due.amount().min(room);
            if (amount.signum() > 0) {
                inOrder.add(new InstallmentDue(due.dueDate(), amount));
                arrears = arrears.add(amount);
                room = room.subtract(amount);
            }
        }
        BigDecimal now = BigDecimal.ZERO.setScale(2);
        for (InstallmentDue due : current) {
            BigDecimal amount = due.amount().min(room);
            if (amount.signum() > 0) {
                inOrder.add(new InstallmentDue(due.dueDate(), amount));
                now = now.add(amount);
                room = room.subtract(amount);
            }
        }
        return new Due(arrears, now, inOrder);
    }
}
