package com.capitalledger.core.program;

import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.capitalledger.core.program.Stargate.*;

class PhaseTest {

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(sofrFrom(LAUNCH, "4.30000"));
    }

    private static CreatePhase milam(String budget, String currency, LocalDate day) {
        return new CreatePhase(PROGRAM, MILAM, "Milam County", d(budget), currency, day);
    }

    @Test
    void createPhaseEmitsPhaseCreatedWithItsBudget() {
        fixture.given(programCreated())
               .when(milam("100000000000.00", "USD", LAUNCH.plusDays(1)))
               .expectEvents(new PhaseCreated(PROGRAM, MILAM, "Milam County", usd("100000000000.00"), LAUNCH.plusDays(1)))
               .expectResultMessagePayload(1L);
    }

    @Test
    void phaseBudgetsMayReachTheProgramTargetExactly() {
        fixture.given(programCreated(), phaseCreated(ABILENE, "400000000000.00"))
               .when(milam("100000000000.00", "USD", LAUNCH))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PhaseCreated(PROGRAM, MILAM, "Milam County", usd("100000000000.00"), LAUNCH));
    }

    @Test
    void aPhaseForAnUnknownProgramIsRejectedWithNoProgram() {
        fixture.givenNoPriorActivity()
               .when(new CreatePhase(new ProgramId("NOPE"), MILAM, "Milam", d("1.00"), "USD", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NO_PROGRAM: program NOPE does not exist");
    }

    @Test
    void aSecondPhaseWithTheSameIdIsRejectedWithDuplicateId() {
        fixture.given(programCreated(), phaseCreated(MILAM, "1.00"))
               .when(milam("1.00", "USD", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: phase MILAM already exists in program STARGATE");
    }

    @Test
    void aBudgetInAnotherCurrencyIsRejectedWithCurrencyMismatch() {
        fixture.given(programCreated())
               .when(milam("1.00", "EUR", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("CURRENCY_MISMATCH: program STARGATE is in USD; the command is in EUR");
    }

    @Test
    void aNegativeBudgetIsRejectedWithInvalidAmount() {
        fixture.given(programCreated())
               .when(milam("-5.00", "USD", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_AMOUNT: amount -5.00 must be greater than zero");
    }

    @Test
    void aPhaseDatedBeforeTheLatestCommandIsRejectedWithBackdatedCommand() {
        fixture.given(programCreated())
               .when(milam("1.00", "USD", LAUNCH.minusDays(1)))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage(
                       "BACKDATED_COMMAND: effective date 2025-01-20 precedes program STARGATE's latest effective date 2025-01-21");
    }

    @Test
    void budgetsBeyondTheProgramTargetAreRejectedWithProgramTargetExceeded() {
        fixture.given(programCreated(), phaseCreated(ABILENE, "400000000000.00"))
               .when(milam("100000000000.01", "USD", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("PROGRAM_TARGET_EXCEEDED: phase MILAM budget 100,000,000,000.01 USD would bring "
                       + "phase budgets to 500,000,000,000.01 USD, program target 500,000,000,000.00 USD");
    }

    @Test
    void checksRunInTheBriefsOrderIdsBeforeCurrencyBeforeAmountBeforeRules() {
        fixture.given(programCreated(), phaseCreated(MILAM, "1.00"))
               .when(new CreatePhase(PROGRAM, MILAM, "again", d("0.001"), "EUR", LAUNCH.minusDays(9)))
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: phase MILAM already exists in program STARGATE");
        fixture.given(programCreated())
               .when(new CreatePhase(PROGRAM, new PhaseId("X"), "x", d("0.001"), "EUR", LAUNCH.minusDays(9)))
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("CURRENCY_MISMATCH: program STARGATE is in USD; the command is in EUR");
        fixture.given(programCreated())
               .when(new CreatePhase(PROGRAM, new PhaseId("X"), "x", d("0.001"), "USD", LAUNCH.minusDays(9)))
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_AMOUNT: amount 0.001 must have exactly two decimals");
    }
}
