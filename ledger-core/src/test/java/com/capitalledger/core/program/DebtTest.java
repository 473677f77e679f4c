package com.capitalledger.core.program;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Rate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.capitalledger.core.program.Stargate.*;

class DebtTest {

    private static final LocalDate MAR_3 = LocalDate.of(2025, 3, 3);
    private static final DrawId D1 = new DrawId("D1");
    private static final DrawId D2 = new DrawId("D2");

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(sofrFrom(LAUNCH, "4.30000"));
    }

    private static DrawTranche draw(DrawId id, String amount, LocalDate day) {
        return new DrawTranche(PROGRAM, SENIOR, id, d(amount), "USD", day);
    }

    /** Partners, the senior tranche and a first call of $10,000,000,000.01 paid in: debt may reach 90%. */
    private static List<Object> seniorReady() {
        return plus(equityPartners(), called("C1", ABILENE, LAUNCH, MGX, "1000000000.00", OPENAI, "3800000000.01",
                ORACLE, "1400000000.00", SOFTBANK, "3800000000.00"), seniorCreated());
    }

    private static TrancheDrawn firstDraw() {
        // Undrawn 30 : 20 : 10 (billions). Exact cents: JPM 50,000,000,000, MUFG 33,333,333,333.33..,
        // SMBC 16,666,666,666.66..; the floors leave one cent, which goes to SMBC's larger remainder (.67 > .33).
        return new TrancheDrawn(PROGRAM, SENIOR, D1, usd("1000000000.00"),
                shares(JPM, "500000000.00", MUFG, "333333333.33", SMBC, "166666666.67"), MAR_3);
    }

    @Test
    void aDrawIsSplitAcrossLendersProRataToTheirUndrawnCommitment() {
        fixture.given(seniorReady().toArray())
               .when(draw(D1, "1000000000.00", MAR_3))
               .expectEvents(firstDraw());
    }

    @Test
    void aSecondDrawFollowsTheLendersRemainingUndrawnCommitment() {
        // Undrawn now JPM 29,500,000,000.00, MUFG 19,666,666,666.67, SMBC 9,833,333,333.33 (59e9 in all).
        // 0.05 split: JPM 2.5 cents → 2 r .5; MUFG 1.666.. → 1 r .666; SMBC 0.833.. → 0 r .833: the two cents
        // left go to SMBC then MUFG.
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(draw(D2, "0.05", MAR_3))
               .expectEvents(new TrancheDrawn(PROGRAM, SENIOR, D2, usd("0.05"),
                       shares(JPM, "0.02", MUFG, "0.02", SMBC, "0.01"), MAR_3));
    }

    @Test
    void aRepaymentIsSplitProRataToOutstanding() {
        // Outstanding JPM 500,000,000.00, MUFG 333,333,333.33, SMBC 166,666,666.67. 100,000,000.00 in cents:
        // JPM 5,000,000,000 exactly, MUFG 3,333,333,333.3, SMBC 1,666,666,666.7: the cent left goes to SMBC.
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(new RepayTranche(PROGRAM, SENIOR, new RepaymentId("R1"), d("100000000.00"), "USD", MAR_3))
               .expectEvents(new TrancheRepaid(PROGRAM, SENIOR, new RepaymentId("R1"), usd("100000000.00"),
                       shares(JPM, "50000000.00", MUFG, "33333333.33", SMBC, "16666666.67"), MAR_3));
    }

    @Test
    void aDrawOnAnUnknownTrancheIsRejectedWithUnknownTranche() {
        fixture.given(seniorReady().toArray())
               .when(new DrawTranche(PROGRAM, new TrancheId("P9"), D1, d("1.00"), "USD", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_TRANCHE: tranche P9 does not exist in program STARGATE");
    }

    @Test
    void aDrawIdUsedBeforeIsRejectedWithDuplicateId() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(draw(D1, "1.00", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: draw D1 already exists in program STARGATE");
    }

    @Test
    void aDrawInAnotherCurrencyIsRejectedWithCurrencyMismatch() {
        fixture.given(seniorReady().toArray())
               .when(new DrawTranche(PROGRAM, SENIOR, D1, d("1.00"), "GBP", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("CURRENCY_MISMATCH: program STARGATE is in USD; the command is in GBP");
    }

    @Test
    void aBackDatedDrawIsRejectedWithBackdatedCommand() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(draw(D2, "1.00", MAR_3.minusDays(1)))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("BACKDATED_COMMAND: effective date 2025-03-02 precedes program STARGATE's "
                       + "latest effective date 2025-03-03");
    }

    @Test
    void aDrawAfterTheAvailabilityPeriodIsRejectedWithAvailabilityEnded() {
        fixture.given(seniorReady().toArray())
               .when(draw(D1, "1.00", LocalDate.of(2028, 1, 3)))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("AVAILABILITY_ENDED: tranche P1-SENIOR could be drawn until 2027-12-31; draw "
                       + "dated 2028-01-03");
    }

    @Test
    void aDrawWithoutABaseRateInEffectIsRejectedWithNoBaseRate() {
        fixture = fixture(sofrFrom(MAR_3.plusDays(1), "4.30000"));
        fixture.given(seniorReady().toArray())
               .when(draw(D1, "1.00", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NO_BASE_RATE: no SOFR fixing is in effect on 2025-03-03 for tranche P1-SENIOR");
    }

    @Test
    void aDrawBeyondTheCommitmentIsRejectedWithCommitmentExceeded() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(draw(D2, "59000000000.01", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("COMMITMENT_EXCEEDED: draw 59,000,000,000.01 USD on P1-SENIOR would bring drawn "
                       + "to 60,000,000,000.01 USD, commitment 60,000,000,000.00 USD");
    }

    @Test
    void aDrawBeyondThePhaseBudgetIsRejectedWithPhaseBudgetExceeded() {
        TrancheCreated milamTranche = new TrancheCreated(PROGRAM, new TrancheId("P2-SENIOR"), MILAM, "Milam senior",
                Seniority.SENIOR, usd("2000000000.00"), SOFR, new Rate(d("2.0000")), new Rate(d("0.2500")),
                LocalDate.of(2027, 12, 31), List.of(new Lender(JPM, "JPMorgan", usd("2000000000.00"))), FEB_1);
        fixture.given(plus(seniorReady(), phaseCreated(MILAM, "1000000000.00"),
                               called("C2", MILAM, LAUNCH, MGX, "40000000.00", OPENAI, "152000000.00",
                                       ORACLE, "56000000.00", SOFTBANK, "152000000.00"), milamTranche).toArray())
               .when(new DrawTranche(PROGRAM, new TrancheId("P2-SENIOR"), D1, d("600000000.01"), "USD", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("PHASE_BUDGET_EXCEEDED: draw D1 of 600,000,000.01 USD would bring phase MILAM "
                       + "to 1,000,000,000.01 USD deployed, budget 1,000,000,000.00 USD");
    }

    @Test
    void aDrawUpToTheGearingLimitIsAcceptedAndOneCentMoreBreachesTheCovenant() {
        // Called 10,000,000,000.01 with OPENAI's 3,800,000,000.01 in default: paid-in 6,200,000,000.00.
        // Debt D is allowed while D × 100 ≤ 90 × (D + 6,200,000,000.00), that is D ≤ 55,800,000,000.00.
        List<Object> history = plus(seniorReady(), new CallDefaultRecorded(PROGRAM,
                new CallId("C1"), OPENAI, usd("3800000000.01"), LAUNCH));
        fixture.given(history.toArray())
               .when(draw(D1, "55800000000.01", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("GEARING_COVENANT_BREACH: draw 55,800,000,000.01 USD would bring debt to "
                       + "55,800,000,000.01 USD against paid-in equity 6,200,000,000.00 USD: 90.000000% of "
                       + "capitalisation, above the maximum 90%");
        fixture.given(history.toArray())
               .when(draw(D1, "55800000000.00", MAR_3))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRepaymentAboveTheOutstandingIsRejectedWithRepaymentExceedsOutstanding() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(new RepayTranche(PROGRAM, SENIOR, new RepaymentId("R1"), d("1000000000.01"), "USD", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("REPAYMENT_EXCEEDS_OUTSTANDING: repayment 1,000,000,000.01 USD on P1-SENIOR "
                       + "exceeds its outstanding 1,000,000,000.00 USD");
    }

    @Test
    void aRepaymentIdUsedBeforeIsRejectedWithDuplicateId() {
        RepaymentId r1 = new RepaymentId("R1");
        fixture.given(plus(seniorReady(), firstDraw(), new TrancheRepaid(PROGRAM, SENIOR, r1, usd("1.00"),
                       shares(JPM, "0.50", MUFG, "0.33", SMBC, "0.17"), MAR_3)).toArray())
               .when(new RepayTranche(PROGRAM, SENIOR, r1, d("1.00"), "USD", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: repayment R1 already exists in program STARGATE");
    }

    @Test
    void aRepricingChangesTheMarginFromItsDate() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(new RepriceTranche(PROGRAM, SENIOR, d("2.7500"), LocalDate.of(2025, 6, 1)))
               .expectEvents(new TrancheRepriced(PROGRAM, SENIOR, new Rate(d("2.7500")), LocalDate.of(2025, 6, 1)));
    }

    @Test
    void aRepricingMayBeBackDatedAsACorrection() {
        fixture.given(plus(seniorReady(), firstDraw()).toArray())
               .when(new RepriceTranche(PROGRAM, SENIOR, d("2.5000"), FEB_1))
               .expectEvents(new TrancheRepriced(PROGRAM, SENIOR, new Rate(d("2.5000")), FEB_1));
    }

    @Test
    void aRepricingDoesNotMoveTheProgramsClockForward() {
        fixture.given(plus(seniorReady(),
                       new TrancheRepriced(PROGRAM, SENIOR, new Rate(d("2.5000")), LocalDate.of(2025, 6, 1))).toArray())
               .when(draw(D1, "1000000000.00", MAR_3))
               .expectEvents(firstDraw());
    }

    @Test
    void aRepricingBeforeTheTrancheExistedIsRejectedWithBackdatedCommand() {
        fixture.given(seniorReady().toArray())
               .when(new RepriceTranche(PROGRAM, SENIOR, d("2.5000"), LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("BACKDATED_COMMAND: repricing of P1-SENIOR dated 2025-01-21 precedes the "
                       + "tranche's creation on 2025-02-01");
    }

    @Test
    void aNegativeMarginIsRejectedWithInvalidRate() {
        fixture.given(seniorReady().toArray())
               .when(new RepriceTranche(PROGRAM, SENIOR, d("-0.2500"), MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_RATE: margin -0.2500% must have at most 4 decimals and lie in [0, 100)");
    }

    @Test
    void aZeroDrawIsRejectedWithInvalidAmount() {
        fixture = fixture(new BaseRateHistory());
        fixture.given(seniorReady().toArray())
               .when(draw(D1, "0.00", MAR_3))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_AMOUNT: amount 0.00 must be greater than zero");
    }
}
