package com.capitalledger.projections.fold.program;

import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramSummaryTest {

    @Test
    void aProgramSummaryCarriesTheCreatedTermsExactlyAndWhenTheyWereRecorded() {
        CurrencyCode usd = new CurrencyCode("USD");
        Instant recordedAt = Instant.parse("2025-01-21T15:04:05.123Z");
        ProgramCreated created = new ProgramCreated(new ProgramId("STARGATE"), "Stargate", usd,
                new Money(new BigDecimal("500000000000.00"), usd), new Percentage(new BigDecimal("90.0000")),
                LocalDate.of(2025, 1, 21));

        ProgramSummary summary = ProgramSummary.of(created, recordedAt);

        assertThat(summary).isEqualTo(new ProgramSummary("STARGATE", "Stargate", "USD",
                new BigDecimal("500000000000.00"), new BigDecimal("90.0000"), LocalDate.of(2025, 1, 21), recordedAt));
        assertThat(summary.targetAmount().toPlainString()).isEqualTo("500000000000.00");
    }
}
