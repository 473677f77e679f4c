package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.CoverageRatio.PeriodFigures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageRatioTest {

    private static final BigDecimal LOCK_UP = new BigDecimal("1.2000");

    @Test
    void exactlyAtTheLockUpThresholdIsNotBelowItAndOneCentLessIs() {
        CoverageRatio at = new CoverageRatio(new BigDecimal("1200.00"), new BigDecimal("1000.00"));
        CoverageRatio below = new CoverageRatio(new BigDecimal("1199.99"), new BigDecimal("1000.00"));

        assertThat(at.below(LOCK_UP)).isFalse();
        assertThat(below.below(LOCK_UP)).isTrue();
        // Reported 1.19999 → 1.2000: the comparison is exact, never on the rounded figure.
        assertThat(below.reported()).contains(new BigDecimal("1.2000"));
    }

    @Test
    void theWindowIsTheTwelveMonthsEndingAtThePeriodNegativeCfadsIncluded() {
        LocalDate end = LocalDate.of(2028, 6, 30);
        List<PeriodFigures> periods = List.of(
                new PeriodFigures(LocalDate.of(2027, 6, 30), new BigDecimal("9999.00"), new BigDecimal("1.00")),
                new PeriodFigures(LocalDate.of(2027, 9, 30), new BigDecimal("300.00"), new BigDecimal("100.00")),
                new PeriodFigures(LocalDate.of(2027, 12, 31), new BigDecimal("-50.00"), new BigDecimal("100.00")),
                new PeriodFigures(LocalDate.of(2028, 3, 31), new BigDecimal("200.00"), new BigDecimal("100.00")),
                new PeriodFigures(end, new BigDecimal("250.00"), new BigDecimal("100.00")));

        CoverageRatio ratio = CoverageRatio.at(end, periods);

        assertThat(ratio).isEqualTo(new CoverageRatio(new BigDecimal("700.00"), new BigDecimal("400.00")));
        assertThat(ratio.reported()).contains(new BigDecimal("1.7500"));
    }

    @Test
    void withoutSeniorDebtServiceTheRatioIsNotApplicableAndBreachesNothing() {
        CoverageRatio none = new CoverageRatio(new BigDecimal("-10.00"), BigDecimal.ZERO);
        assertThat(none.applicable()).isFalse();
        assertThat(none.reported()).isEmpty();
        assertThat(none.below(LOCK_UP)).isFalse();
    }
}
