package com.capitalledger.core.cashflow;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodsTest {

    private final Periods quarters = new Periods(LocalDate.of(2027, 2, 15), 3);
    private final Periods halves = new Periods(LocalDate.of(2027, 7, 1), 6);

    @Test
    void theFirstQuarterRunsFromOperationsStartToTheFirstQuarterEnd() {
        assertThat(quarters.firstEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(quarters.start(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(quarters.days(LocalDate.of(2027, 3, 31))).isEqualTo(45);
        assertThat(quarters.start(LocalDate.of(2027, 6, 30))).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(quarters.days(LocalDate.of(2027, 6, 30))).isEqualTo(91);
        assertThat(quarters.next(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(quarters.previous(LocalDate.of(2027, 6, 30))).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(Periods.paymentDate(LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void periodEndsAreCalendarQuarterOrHalfYearEnds() {
        assertThat(quarters.isPeriodEnd(LocalDate.of(2027, 9, 30))).isTrue();
        assertThat(quarters.isPeriodEnd(LocalDate.of(2027, 9, 29))).isFalse();
        assertThat(quarters.isPeriodEnd(LocalDate.of(2027, 8, 31))).isFalse();
        assertThat(quarters.isOperatingPeriodEnd(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(halves.isPeriodEnd(LocalDate.of(2027, 9, 30))).isFalse();
        assertThat(halves.isOperatingPeriodEnd(LocalDate.of(2027, 6, 30))).isFalse();
        assertThat(halves.firstEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(halves.days(LocalDate.of(2027, 12, 31))).isEqualTo(184);
    }

    @Test
    void aPeriodIsThreeOrSixMonths() {
        assertThatThrownBy(() -> new Periods(LocalDate.of(2027, 1, 1), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
