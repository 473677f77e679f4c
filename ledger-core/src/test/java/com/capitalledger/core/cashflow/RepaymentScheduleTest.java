package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.RepaymentSchedule.Due;
import com.capitalledger.core.cashflow.RepaymentSchedule.InstallmentDue;
import com.capitalledger.core.cashflow.api.Installment;
import com.capitalledger.core.shared.Percentage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepaymentScheduleTest {

    private static final LocalDate Q1 = LocalDate.of(2027, 4, 1);
    private static final LocalDate Q2 = LocalDate.of(2027, 7, 1);
    private static final LocalDate Q3 = LocalDate.of(2027, 10, 1);

    private static final RepaymentSchedule THIRDS = new RepaymentSchedule(List.of(
            new Installment(Q1, pct("33.3333")), new Installment(Q2, pct("33.3333")),
            new Installment(Q3, pct("33.3334"))));

    @Test
    void theLastInstallmentAbsorbsTheRounding() {
        // 1,000.01 × 33.3333 / 100 = 333.33633.. → 333.34 twice; the last is 1,000.01 − 666.68 = 333.33.
        assertThat(THIRDS.amounts(d("1000.01"))).containsExactly(d("333.34"), d("333.34"), d("333.33"));
        assertThat(THIRDS.baseFixedOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(THIRDS.scheduledOn(Q2, d("1000.01"))).isEqualTo(d("333.34"));
        assertThat(THIRDS.scheduledOn(LocalDate.of(2027, 5, 1), d("1000.01"))).isEqualTo(d("0.00"));
    }

    @Test
    void principalDueIsTheArrearsOldestFirstThenTodaysInstallmentCappedAtTheOutstanding() {
        // Q1 paid 300.00 of 333.34: 33.34 in arrears at Q2, whose 333.34 is then due in full.
        Due due = THIRDS.dueAt(Q2, d("1000.01"), Map.of(Q1, d("300.00")), d("700.01"));
        assertThat(due.arrears()).isEqualTo(d("33.34"));
        assertThat(due.current()).isEqualTo(d("333.34"));
        assertThat(due.total()).isEqualTo(d("366.68"));
        assertThat(due.installments()).containsExactly(new InstallmentDue(Q1, d("33.34")),
                new InstallmentDue(Q2, d("333.34")));

        // A voluntary repayment left 100.00 outstanding: arrears 33.34 + min(333.34, 100.00 − 33.34).
        Due capped = THIRDS.dueAt(Q2, d("1000.01"), Map.of(Q1, d("300.00")), d("100.00"));
        assertThat(capped.total()).isEqualTo(d("100.00"));
        assertThat(capped.installments()).containsExactly(new InstallmentDue(Q1, d("33.34")),
                new InstallmentDue(Q2, d("66.66")));
    }

    private static Percentage pct(String value) {
        return new Percentage(new BigDecimal(value));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
