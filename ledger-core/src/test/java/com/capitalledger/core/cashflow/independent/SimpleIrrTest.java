package com.capitalledger.core.cashflow.independent;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The independent IRR on a published vector and on the shapes the generative check meets. */
class SimpleIrrTest {

    private static SimpleIrr.Flow flow(String date, String amount) {
        return new SimpleIrr.Flow(LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void microsoftsXirrExample() {
        SimpleIrr.Answer answer = SimpleIrr.irr(List.of(flow("2008-01-01", "-10000"), flow("2008-03-01", "2750"),
                flow("2008-10-30", "4250"), flow("2009-02-15", "3250"), flow("2009-04-01", "2750")));
        // Microsoft documents 0.373362535, which Excel finds to its own 0.000001 % (the exact rate is 37.33625335 %).
        assertThat(answer.pct()).isEqualByComparingTo("37.3363");
        assertThat(answer.exactPct().subtract(new BigDecimal("37.3362535")).abs()).isLessThan(new BigDecimal("1e-6"));
        assertThat(answer.ambiguous()).isFalse();
    }

    @Test
    void aYearAtTenPercentAndALoss() {
        assertThat(SimpleIrr.irr(List.of(flow("2027-01-01", "-100"), flow("2028-01-01", "110"))).pct())
                .isEqualByComparingTo("10.0000");
        assertThat(SimpleIrr.irr(List.of(flow("2027-01-01", "-100"), flow("2028-01-01", "50"))).pct())
                .isEqualByComparingTo("-50.0000");
    }

    @Test
    void noSignChangeHasNoRate() {
        assertThat(SimpleIrr.irr(List.of(flow("2027-01-01", "-100"), flow("2028-01-01", "0"))).exactPct()).isNull();
        assertThat(SimpleIrr.irr(List.of(flow("2027-01-01", "100"))).exactPct()).isNull();
    }
}
