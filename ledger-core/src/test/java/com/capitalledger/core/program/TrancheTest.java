package com.capitalledger.core.program;

import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.core.program.Stargate.*;

class TrancheTest {

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(sofrFrom(LAUNCH, "4.30000"));
    }

    private static CreateTranche senior(TrancheId id, PhaseId phase, String baseRate, String margin,
                                        LocalDate availabilityEnd, List<LenderCommitment> lenders) {
        return new CreateTranche(PROGRAM, id, phase, "Abilene senior", Seniority.SENIOR, d("60000000000.00"), "USD",
                baseRate, d(margin), d("0.3500"), availabilityEnd, lenders, FEB_1);
    }

    private static CreateTranche senior() {
        return senior(SENIOR, ABILENE, "SOFR", "2.2500", LocalDate.of(2027, 12, 31), seniorSyndicate());
    }

    @Test
    void createTrancheEmitsTrancheCreatedWithLendersInIdOrder() {
        fixture.given(equityPartners().toArray())
               .when(senior())
               .expectEvents(seniorCreated());
    }

    @Test
    void aTrancheIdUsedBeforeIsRejectedWithDuplicateId() {
        fixture.given(plus(equityPartners(), seniorCreated()).toArray())
               .when(senior())
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: tranche P1-SENIOR already exists in program STARGATE");
    }

    @Test
    void aLenderListedTwiceIsRejectedWithDuplicateId() {
        List<LenderCommitment> lenders = new ArrayList<>(seniorSyndicate());
        lenders.add(new LenderCommitment(JPM, "JPMorgan again", d("1.00")));
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, ABILENE, "SOFR", "2.2500", LocalDate.of(2027, 12, 31), lenders))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: lender JPM appears twice in tranche P1-SENIOR");
    }

    @Test
    void aTrancheForAnUnknownPhaseIsRejectedWithUnknownPhase() {
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, MILAM, "SOFR", "2.2500", LocalDate.of(2027, 12, 31), seniorSyndicate()))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_PHASE: phase MILAM does not exist in program STARGATE");
    }

    @Test
    void aTrancheOnAnUnknownBenchmarkIsRejectedWithUnknownBaseRate() {
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, ABILENE, "LIBOR", "2.2500", LocalDate.of(2027, 12, 31), seniorSyndicate()))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_BASE_RATE: base rate LIBOR is not one of "
                       + "[SOFR, TERM-SOFR-12M, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M]");
    }

    @Test
    void aMarginWithFiveDecimalsIsRejectedWithInvalidRate() {
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, ABILENE, "SOFR", "2.25001", LocalDate.of(2027, 12, 31), seniorSyndicate()))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVALID_RATE: margin 2.25001% must have at most 4 decimals and lie in [0, 100)");
    }

    @Test
    void lenderCommitmentsThatDoNotSumToTheTrancheAreRejectedWithLenderSumMismatch() {
        List<LenderCommitment> lenders = List.of(new LenderCommitment(JPM, "JPMorgan", d("30000000000.00")),
                new LenderCommitment(MUFG, "MUFG", d("29999999999.99")));
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, ABILENE, "SOFR", "2.2500", LocalDate.of(2027, 12, 31), lenders))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("LENDER_SUM_MISMATCH: lender commitments of tranche P1-SENIOR sum to "
                       + "59,999,999,999.99 USD, tranche commitment 60,000,000,000.00 USD");
    }

    @Test
    void anAvailabilityEndingBeforeTheTrancheStartsIsRejectedWithAvailabilityEnded() {
        fixture.given(equityPartners().toArray())
               .when(senior(SENIOR, ABILENE, "SOFR", "2.2500", LocalDate.of(2025, 1, 31), seniorSyndicate()))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("AVAILABILITY_ENDED: tranche P1-SENIOR availability ends 2025-01-31, before its "
                       + "creation on 2025-02-01");
    }
}
