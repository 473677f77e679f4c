package com.capitalledger.core.rates;

import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Rate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

class BaseRateTest {

    private static final BaseRateName SOFR = new BaseRateName("SOFR");
    private static final LocalDate JAN_2 = LocalDate.of(2025, 1, 2);

    private AggregateTestFixture<BaseRate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BaseRate.class);
    }

    @Test
    void aFixingEmitsBaseRateFixed() {
        fixture.givenNoPriorActivity()
               .when(new RecordBaseRateFixing("SOFR", new BigDecimal("4.31000"), JAN_2))
               .expectEvents(new BaseRateFixed(SOFR, new Rate(new BigDecimal("4.31000")), JAN_2))
               .expectResultMessagePayload(0L);
    }

    @Test
    void aFixingMayBeBackDatedAsACorrection() {
        fixture.given(new BaseRateFixed(SOFR, new Rate(new BigDecimal("4.31000")), JAN_2))
               .when(new RecordBaseRateFixing("SOFR", new BigDecimal("4.29000"), JAN_2.minusDays(30)))
               .expectEvents(new BaseRateFixed(SOFR, new Rate(new BigDecimal("4.29000")), JAN_2.minusDays(30)));
    }

    @Test
    void anUnknownBenchmarkIsRejectedWithUnknownBaseRate() {
        fixture.givenNoPriorActivity()
               .when(new RecordBaseRateFixing("LIBOR", new BigDecimal("4.31000"), JAN_2))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_BASE_RATE: base rate LIBOR is not one of "
                       + "[SOFR, TERM-SOFR-12M, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M]");
    }

    @Test
    void aRateWithSixDecimalsIsRejectedWithInvalidRate() {
        fixture.givenNoPriorActivity()
               .when(new RecordBaseRateFixing("SOFR", new BigDecimal("4.310001"), JAN_2))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_RATE: base rate 4.310001% must have at most 5 decimals and lie in (-100, 100)");
    }
}
