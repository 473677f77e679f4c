package com.capitalledger.core.calc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RatiosTest {

    @Test
    void percentagesAreRoundedHalfEvenToSixDecimals() {
        // 1 / 3 × 100 = 33.3333333... → 33.333333; 2 / 3 × 100 = 66.6666666... → 66.666667
        assertThat(Ratios.percentOf(new BigDecimal("1.00"), new BigDecimal("3.00"))).isEqualTo(new BigDecimal("33.333333"));
        assertThat(Ratios.percentOf(new BigDecimal("2.00"), new BigDecimal("3.00"))).isEqualTo(new BigDecimal("66.666667"));
        // 1 / 16,000,000 × 100 = 0.00000625 → 0.000006 (half to even)
        assertThat(Ratios.percentOf(new BigDecimal("1.00"), new BigDecimal("16000000.00")))
                .isEqualTo(new BigDecimal("0.000006"));
    }

    @Test
    void aShareOfNothingIsZero() {
        assertThat(Ratios.percentOf(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.000000"));
    }

    @Test
    void gearingIsDebtOverDebtPlusPaidInEquity() {
        // 90 / (90 + 10) × 100 = 90.000000
        assertThat(Ratios.gearingPct(new BigDecimal("90.00"), new BigDecimal("10.00"))).isEqualTo(new BigDecimal("90.000000"));
    }

    @Test
    void theCovenantHoldsExactlyAtTheLimitAndBreaksOneCentPastIt() {
        // Paid-in 10.00, max 90%: debt may reach 90.00, since 90.00 × 100 = 9,000 ≤ 90 × 100.00 = 9,000.
        assertThat(Ratios.withinGearing(new BigDecimal("90.00"), new BigDecimal("10.00"), new BigDecimal("90"))).isTrue();
        // 90.01 × 100 = 9,001 > 90 × 100.01 = 9,000.9
        assertThat(Ratios.withinGearing(new BigDecimal("90.01"), new BigDecimal("10.00"), new BigDecimal("90"))).isFalse();
    }
}
