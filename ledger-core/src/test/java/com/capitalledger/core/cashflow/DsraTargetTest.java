package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.DsraTarget.ForecastPeriod;
import com.capitalledger.core.cashflow.DsraTarget.SeniorTranche;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DsraTargetTest {

    @Test
    void theTargetIsTheNextPeriodsInstallmentsAndInterestOnTheForecastBalance() {
        LocalDate oct = LocalDate.of(2027, 10, 1);
        LocalDate jan = LocalDate.of(2028, 1, 1);
        SeniorTranche tranche = new SeniorTranche(new BigDecimal("1000000.00"), new BigDecimal("6.5"),
                Map.of(oct, new BigDecimal("100000.00"), jan, new BigDecimal("100000.00")));

        // 1,000,000 × 6.5 × 92 / 36,000 = 16,611.11 + 100,000; then 900,000 × 6.5 × 92 / 36,000 = 14,950.00 + 100,000.
        BigDecimal target = DsraTarget.target(List.of(new ForecastPeriod(oct, 92), new ForecastPeriod(jan, 92)),
                List.of(tranche));

        assertThat(target).isEqualTo(new BigDecimal("231561.11"));
        assertThat(DsraTarget.target(List.of(), List.of(tranche))).isEqualTo(new BigDecimal("0.00"));
    }
}
