package com.capitalledger.core.program;

import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.capitalledger.core.program.Stargate.*;

class CapitalCallTest {

    private static final CallId C1 = new CallId("C1");
    private static final CallId C2 = new CallId("C2");

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(sofrFrom(LAUNCH, "4.30000"));
    }

    private static CallCapital call(CallId id, PhaseId phase, String amount) {
        return new CallCapital(PROGRAM, id, phase, d(amount), "USD", "construction", FEB_1);
    }

    /** The first call: $10,000,000,000.01 over unfunded 19 : 19 : 7 : 5 (billions). */
    private static List<Object> afterFirstCall() {
        return plus(equityPartners(), called("C1", ABILENE, LAUNCH, MGX, "1000000000.00", OPENAI, "3800000000.01",
                ORACLE, "1400000000.00", SOFTBANK, "3800000000.00"));
    }

    @Test
    void aCallIsSplitProRataToUnfundedCommitmentWithTheOddCentToTheLowerIdOnATie() {
        // Exact shares in cents: OPENAI and SOFTBANK 380,000,000,000.38 each, ORACLE 140,000,000,000.14,
        // MGX 100,000,000,000.1. The floors leave one cent; OPENAI and SOFTBANK tie on .38, OPENAI is the lower id.
        fixture.given(equityPartners().toArray())
               .when(new CallCapital(PROGRAM, C1, ABILENE, d("10000000000.01"), "USD", "construction", LAUNCH))
               .expectEvents(called("C1", ABILENE, LAUNCH, MGX, "1000000000.00", OPENAI, "3800000000.01",
                       ORACLE, "1400000000.00", SOFTBANK, "3800000000.00"))
               .expectResultMessagePayload(6L);
    }

    @Test
    void laterCallsFollowTheRemainingUnfundedCommitment() {
        // Unfunded after C1: MGX 4,000,000,000.00, OPENAI 15,199,999,999.99, ORACLE 5,600,000,000.00,
        // SOFTBANK 15,200,000,000.00; U = 39,999,999,999.99. Calling 1,000,000.00 (100,000,000 cents):
        // MGX 10,000,000.00025.. cents → 10,000,000 r .0025; OPENAI 37,999,999.999.. → 37,999,999 r .99999..;
        // ORACLE 14,000,000.00035 → 14,000,000 r .00035; SOFTBANK 38,000,000.00095 → 38,000,000 r .00095.
        // Floors sum to 99,999,999: the cent goes to OPENAI.
        fixture.given(afterFirstCall().toArray())
               .when(call(C2, ABILENE, "1000000.00"))
               .expectEvents(called("C2", ABILENE, FEB_1, MGX, "100000.00", OPENAI, "380000.00", ORACLE, "140000.00",
                       SOFTBANK, "380000.00"));
    }

    @Test
    void investorsInDefaultAndFullyCalledInvestorsAreLeftOut() {
        fixture.given(plus(afterFirstCall(),
                               new CallDefaultRecorded(PROGRAM, C1, MGX, usd("1000000000.00"), LAUNCH),
                               new CommitmentCancelled(PROGRAM, ORACLE,
                                       usd("5600000000.00"), LAUNCH)).toArray())
               .when(call(C2, ABILENE, "304.00"))
               // Eligible: OPENAI 15,199,999,999.99 and SOFTBANK 15,200,000,000.00; exact 151.99999999.. and 152.0000000...
               .expectEvents(called("C2", ABILENE, FEB_1, OPENAI, "152.00", SOFTBANK, "152.00"));
    }

    @Test
    void aCallIdUsedBeforeIsRejectedWithDuplicateId() {
        fixture.given(afterFirstCall().toArray())
               .when(call(C1, ABILENE, "1.00"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: capital call C1 already exists in program STARGATE");
    }

    @Test
    void aCallForAnUnknownPhaseIsRejectedWithUnknownPhase() {
        fixture.given(equityPartners().toArray())
               .when(call(C1, MILAM, "1.00"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_PHASE: phase MILAM does not exist in program STARGATE");
    }

    @Test
    void aCallWhenNoInvestorHasCommittedIsRejectedWithInsufficientUnfunded() {
        fixture.given(programCreated(), phaseCreated(ABILENE, "100000000000.00"))
               .when(call(C1, ABILENE, "1.00"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INSUFFICIENT_UNFUNDED: capital call C1 of 1.00 USD exceeds the eligible "
                       + "unfunded commitment 0.00 USD of []");
    }

    @Test
    void aCallWhenEveryCommitmentIsFullyCalledIsRejectedWithInsufficientUnfunded() {
        fixture.given(programCreated(), phaseCreated(ABILENE, "100000000000.00"), committed(MGX, "5.00"),
                       called("C1", ABILENE, LAUNCH, MGX, "5.00"))
               .when(call(C2, ABILENE, "0.01"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INSUFFICIENT_UNFUNDED: capital call C2 of 0.01 USD exceeds the eligible "
                       + "unfunded commitment 0.00 USD of []");
    }

    @Test
    void aCallAboveTheEligibleUnfundedIsRejectedWithInsufficientUnfunded() {
        fixture.given(afterFirstCall().toArray())
               .when(call(C2, ABILENE, "40000000000.00"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INSUFFICIENT_UNFUNDED: capital call C2 of 40,000,000,000.00 USD exceeds the "
                       + "eligible unfunded commitment 39,999,999,999.99 USD of [MGX, OPENAI, ORACLE, SOFTBANK]");
    }

    @Test
    void aCallBeyondThePhaseBudgetIsRejectedWithPhaseBudgetExceeded() {
        fixture.given(plus(equityPartners(), phaseCreated(MILAM, "1000000.00")).toArray())
               .when(call(C1, MILAM, "1000000.01"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("PHASE_BUDGET_EXCEEDED: capital call C1 of 1,000,000.01 USD would bring phase "
                       + "MILAM to 1,000,000.01 USD deployed, budget 1,000,000.00 USD");
    }

    @Test
    void aCallOnAnUnknownProgramIsRejectedWithNoProgram() {
        fixture.givenNoPriorActivity()
               .when(call(C1, ABILENE, "1.00"))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NO_PROGRAM: program STARGATE does not exist");
    }

    @Test
    void recordingADefaultMarksTheWholeAllocationUnpaid() {
        fixture.given(afterFirstCall().toArray())
               .when(new RecordCallDefault(PROGRAM, C1, OPENAI, FEB_1))
               .expectEvents(new CallDefaultRecorded(PROGRAM, C1, OPENAI, usd("3800000000.01"), FEB_1));
    }

    @Test
    void aDefaultOnAnUnknownCallIsRejectedWithUnknownCall() {
        fixture.given(afterFirstCall().toArray())
               .when(new RecordCallDefault(PROGRAM, C2, OPENAI, FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_CALL: capital call C2 does not exist in program STARGATE");
    }

    @Test
    void aDefaultOfAnInvestorWithoutAllocationIsRejectedWithNotAllocated() {
        InvestorId late = new InvestorId("LATECOMER");
        fixture.given(plus(afterFirstCall(), new EquityCommitted(PROGRAM, late, "Latecomer", usd("1.00"), LAUNCH)).toArray())
               .when(new RecordCallDefault(PROGRAM, C1, late, FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NOT_ALLOCATED: investor LATECOMER has no allocation in capital call C1");
    }

    @Test
    void aSecondDefaultOnTheSameCallIsRejectedWithAlreadyDefaulted() {
        fixture.given(plus(afterFirstCall(), new CallDefaultRecorded(PROGRAM, C1, MGX, usd("1000000000.00"), LAUNCH))
                       .toArray())
               .when(new RecordCallDefault(PROGRAM, C1, MGX, FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("ALREADY_DEFAULTED: investor MGX is already in default on capital call C1");
    }

    @Test
    void aCureReversesTheDefault() {
        fixture.given(plus(afterFirstCall(), new CallDefaultRecorded(PROGRAM, C1, MGX, usd("1000000000.00"), LAUNCH))
                       .toArray())
               .when(new CureCallDefault(PROGRAM, C1, MGX, FEB_1))
               .expectEvents(new CallDefaultCured(PROGRAM, C1, MGX, usd("1000000000.00"), FEB_1));
    }

    @Test
    void aCuredInvestorIsEligibleForTheNextCallAgain() {
        fixture.given(plus(afterFirstCall(), new CallDefaultRecorded(PROGRAM, C1, MGX, usd("1000000000.00"), LAUNCH),
                       new CallDefaultCured(PROGRAM, C1, MGX, usd("1000000000.00"), LAUNCH)).toArray())
               .when(call(C2, ABILENE, "1000000.00"))
               .expectEvents(called("C2", ABILENE, FEB_1, MGX, "100000.00", OPENAI, "380000.00", ORACLE, "140000.00",
                       SOFTBANK, "380000.00"));
    }

    @Test
    void curingWithoutADefaultIsRejectedWithNotDefaulted() {
        fixture.given(afterFirstCall().toArray())
               .when(new CureCallDefault(PROGRAM, C1, MGX, FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NOT_DEFAULTED: investor MGX is not in default on capital call C1");
    }

    @Test
    void aDefaultOfAnUnknownInvestorIsRejectedWithUnknownInvestor() {
        fixture.given(afterFirstCall().toArray())
               .when(new RecordCallDefault(PROGRAM, C1, new InvestorId("NOBODY"), FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_INVESTOR: investor NOBODY has no commitment in program STARGATE");
    }
}
