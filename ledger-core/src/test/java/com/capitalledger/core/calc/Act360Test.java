package com.capitalledger.core.calc;

import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Rate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accruals against figures worked by hand in the comments: Σ balance × rate% × days, then ÷ 36,000, rounded once. */
class Act360Test {

    private static final BaseRateName SOFR = new BaseRateName("SOFR");

    private static LocalDate jan(int day) {
        return LocalDate.of(2025, 1, day);
    }

    private static LocalDate mar(int day) {
        return LocalDate.of(2025, 3, day);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BaseRateFixed fixing(String pct, LocalDate from) {
        return new BaseRateFixed(SOFR, new Rate(d(pct)), from);
    }

    @Test
    void interestFollowsABaseRateChangeAndARepricingInsideThePeriod() {
        DailySteps principal = DailySteps.cumulative(Map.of(jan(1), d("1000000.00")));
        DailySteps base = new BaseRateHistory().apply(fixing("4.30000", LocalDate.of(2024, 12, 31)))
                .apply(fixing("4.33000", jan(11))).steps(SOFR);
        DailySteps margin = DailySteps.of(Map.of(jan(1), d("2.5000"), jan(21), d("3.0000")));

        // Jan  1-10: 1,000,000 × (4.30 + 2.50) × 10 = 68,000,000
        // Jan 11-20: 1,000,000 × (4.33 + 2.50) × 10 = 68,300,000
        // Jan 21-31: 1,000,000 × (4.33 + 3.00) × 11 = 80,630,000
        // Σ 216,930,000 ÷ 36,000 = 6,025.8333... → 6,025.83
        assertThat(Act360.balanceRateDays(principal, base.plus(margin), jan(1), jan(31))).isEqualByComparingTo("216930000");
        assertThat(Act360.accrued(principal, base.plus(margin), jan(1), jan(31))).isEqualTo(d("6025.83"));
    }

    @Test
    void aDrawAndARepaymentOnTheSameDayBothCountForThatDay() {
        DailySteps principal = DailySteps.cumulative(Map.of(mar(1), d("500000.00"),
                mar(5), d("250000.00").subtract(d("100000.00"))));
        DailySteps rate = DailySteps.constant(d("7.00000"));

        // Mar 1-4:  500,000 × 7 × 4 = 14,000,000
        // Mar 5-10: 650,000 × 7 × 6 = 27,300,000 (the draw accrues on its date, the repayment stops on its date)
        // Σ 41,300,000 ÷ 36,000 = 1,147.2222... → 1,147.22
        assertThat(Act360.accrued(principal, rate, mar(1), mar(10))).isEqualTo(d("1147.22"));
    }

    @Test
    void aRepaymentStopsAccrualOnItsOwnDate() {
        DailySteps principal = DailySteps.cumulative(Map.of(mar(1), d("650000.00"), mar(4), d("-650000.00")));

        // Mar 1-3: 650,000 × 7 × 3 = 13,650,000; from Mar 4 nothing is owed.
        // 13,650,000 ÷ 36,000 = 379.1666... → 379.17
        assertThat(Act360.accrued(principal, DailySteps.constant(d("7")), mar(1), mar(10))).isEqualTo(d("379.17"));
    }

    @Test
    void aBackDatedFixingChangesTheAccrualFromItsDate() {
        DailySteps principal = DailySteps.cumulative(Map.of(jan(1), d("2000000.00")));
        DailySteps margin = DailySteps.constant(d("2.0000"));
        BaseRateHistory known = new BaseRateHistory().apply(fixing("4.30000", jan(1)));

        // Before the correction: 2,000,000 × 6.30 × 31 = 390,600,000 ÷ 36,000 = 10,850.00
        assertThat(Act360.accrued(principal, known.steps(SOFR).plus(margin), jan(1), jan(31))).isEqualTo(d("10850.00"));

        known.apply(fixing("4.40000", jan(16)));
        // After it: Jan 1-15 2,000,000 × 6.30 × 15 = 189,000,000; Jan 16-31 2,000,000 × 6.40 × 16 = 204,800,000
        // Σ 393,800,000 ÷ 36,000 = 10,938.8888... → 10,938.89
        assertThat(Act360.accrued(principal, known.steps(SOFR).plus(margin), jan(1), jan(31))).isEqualTo(d("10938.89"));
    }

    @Test
    void aSecondFixingForTheSameDateReplacesTheFirst() {
        BaseRateHistory history = new BaseRateHistory().apply(fixing("4.30000", jan(1))).apply(fixing("4.35000", jan(1)));

        assertThat(history.inEffect(SOFR, jan(20))).contains(new Rate(d("4.35000")));
        assertThat(history.inEffect(SOFR, LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void theCommitmentFeeAccruesOnUndrawnCommitmentUntilAvailabilityEnds() {
        BigDecimal commitment = d("1000000.00");
        DailySteps drawn = DailySteps.cumulative(Map.of(jan(11), d("400000.00")));
        DailySteps undrawn = DailySteps.constant(commitment).minus(drawn);

        // Jan  1-10: 1,000,000 × 0.50 × 10 = 5,000,000
        // Jan 11-20:   600,000 × 0.50 × 10 = 3,000,000 (availability ends Jan 20, so the fee stops there)
        // Σ 8,000,000 ÷ 36,000 = 222.2222... → 222.22
        assertThat(Act360.accrued(undrawn, DailySteps.constant(d("0.5000")), jan(1), jan(20))).isEqualTo(d("222.22"));
    }

    @Test
    void roundingIsHalfEvenToTheCent() {
        assertThat(Act360.toCents(d("180"))).isEqualTo(d("0.00"));   // 0.005 → 0.00
        assertThat(Act360.toCents(d("540"))).isEqualTo(d("0.02"));   // 0.015 → 0.02
        assertThat(Act360.toCents(d("900"))).isEqualTo(d("0.02"));   // 0.025 → 0.02
        assertThat(Act360.toCents(d("901"))).isEqualTo(d("0.03"));   // 0.02502... → 0.03
    }

    @Test
    void aPeriodEndingBeforeItStartsAccruesNothing() {
        assertThat(Act360.accrued(DailySteps.constant(d("1.00")), DailySteps.constant(d("5")), jan(2), jan(1)))
                .isEqualTo(d("0.00"));
    }

    @Test
    void aBalanceWithoutARateInEffectIsAnError() {
        DailySteps principal = DailySteps.cumulative(Map.of(jan(1), d("1.00")));
        DailySteps base = DailySteps.of(Map.of(jan(5), d("4.3")));

        assertThatThrownBy(() -> Act360.accrued(principal, base, jan(1), jan(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no rate in effect");
    }
}
