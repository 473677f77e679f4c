package com.capitalledger.core.program;

import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramCreationTest {

    private static final ProgramId STARGATE = new ProgramId("STARGATE");
    private static final LocalDate START = LocalDate.of(2025, 1, 21);
    private static final CurrencyCode USD = new CurrencyCode("USD");

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
    }

    private static CreateProgram create(String currency, String target, String maxDebtPct) {
        return new CreateProgram(STARGATE, "Stargate", currency, new BigDecimal(target), new BigDecimal(maxDebtPct), START);
    }

    private static ProgramCreated created() {
        return new ProgramCreated(STARGATE, "Stargate", USD, new Money(new BigDecimal("500000000000.00"), USD),
                new Percentage(new BigDecimal("90")), START);
    }

    @Test
    void createProgramEmitsProgramCreatedAndReturnsVersionZero() {
        fixture.givenNoPriorActivity()
               .when(create("USD", "500000000000.00", "90"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(created())
               .expectResultMessagePayload(0L);
    }

    @Test
    void creatingAnExistingProgramIsRejectedWithProgramExists() {
        fixture.given(created())
               .when(create("USD", "1.00", "50"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("PROGRAM_EXISTS: program STARGATE already exists");
    }

    @Test
    void programExistsIsCheckedBeforeTheFiguresAreRead() {
        fixture.given(created())
               .when(create("XXX", "-1", "500"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("PROGRAM_EXISTS: program STARGATE already exists");
    }

    @Test
    void aCurrencyWithoutCentsIsRejectedWithCurrencyMismatch() {
        fixture.givenNoPriorActivity()
               .when(create("JPY", "500000000000.00", "90"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("CURRENCY_MISMATCH: currency JPY is not an ISO 4217 currency with two decimals");
    }

    @Test
    void aTargetWithThreeDecimalsIsRejectedWithInvalidAmount() {
        fixture.givenNoPriorActivity()
               .when(create("USD", "500000000000.001", "90"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_AMOUNT: amount 500000000000.001 must have exactly two decimals");
    }

    @Test
    void aZeroTargetIsRejectedWithInvalidAmount() {
        fixture.givenNoPriorActivity()
               .when(create("USD", "0.00", "90"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_AMOUNT: amount 0.00 must be greater than zero");
    }

    @Test
    void aMaxDebtShareAboveHundredIsRejectedWithInvalidRate() {
        fixture.givenNoPriorActivity()
               .when(create("USD", "500000000000.00", "100.0001"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage(
                       "INVALID_RATE: percentage 100.0001 must be greater than 0 and at most 100, with at most 4 decimals");
    }

    @Test
    void theRejectionCarriesItsCodeApartFromItsDetail() {
        LedgerRejection rejection = new LedgerRejection(RejectionCode.PROGRAM_EXISTS, "program P1 already exists");

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROGRAM_EXISTS);
        assertThat(rejection.detail()).isEqualTo("program P1 already exists");
    }
}
