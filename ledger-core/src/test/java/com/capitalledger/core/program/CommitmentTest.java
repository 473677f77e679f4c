package com.capitalledger.core.program;

import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.shared.LedgerRejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.capitalledger.core.program.Stargate.*;

class CommitmentTest {

    private static final InvestorId NEWCO = new InvestorId("NEWCO");

    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(sofrFrom(LAUNCH, "4.30000"));
    }

    /** The partners after a $10,000,000,000.01 call (allocations worked in CapitalCallTest). */
    private static Object[] partnersAfterFirstCall() {
        return plus(equityPartners(), called("C1", ABILENE, LAUNCH, MGX, "1000000000.00", OPENAI, "3800000000.01",
                ORACLE, "1400000000.00", SOFTBANK, "3800000000.00")).toArray();
    }

    @Test
    void commitEquityEmitsEquityCommitted() {
        fixture.given(programCreated())
               .when(new CommitEquity(PROGRAM, NEWCO, "NewCo", d("2500000000.00"), "USD", LAUNCH))
               .expectEvents(new EquityCommitted(PROGRAM, NEWCO, "NewCo", usd("2500000000.00"), LAUNCH));
    }

    @Test
    void aSecondCommitmentOfTheSameInvestorIsRejectedWithDuplicateId() {
        fixture.given(equityPartners().toArray())
               .when(new CommitEquity(PROGRAM, MGX, "MGX", d("1.00"), "USD", LAUNCH))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("DUPLICATE_ID: investor MGX has already committed to program STARGATE; "
                       + "increase its commitment instead");
    }

    @Test
    void increaseEmitsCommitmentIncreased() {
        fixture.given(equityPartners().toArray())
               .when(new IncreaseCommitment(PROGRAM, MGX, d("1000000000.00"), "USD", FEB_1))
               .expectEvents(new CommitmentIncreased(PROGRAM, MGX, usd("1000000000.00"), FEB_1));
    }

    @Test
    void increasingAnUnknownInvestorIsRejectedWithUnknownInvestor() {
        fixture.given(equityPartners().toArray())
               .when(new IncreaseCommitment(PROGRAM, NEWCO, d("1.00"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_INVESTOR: investor NEWCO has no commitment in program STARGATE");
    }

    @Test
    void reduceUpToTheUnfundedCommitmentEmitsCommitmentReduced() {
        // MGX: committed 5,000,000,000.00, called 1,000,000,000.00, unfunded 4,000,000,000.00.
        fixture.given(partnersAfterFirstCall())
               .when(new ReduceCommitment(PROGRAM, MGX, d("4000000000.00"), "USD", FEB_1))
               .expectEvents(new CommitmentReduced(PROGRAM, MGX, usd("4000000000.00"), FEB_1));
    }

    @Test
    void reducingBeyondTheUnfundedCommitmentIsRejectedWithInsufficientUnfunded() {
        fixture.given(partnersAfterFirstCall())
               .when(new ReduceCommitment(PROGRAM, MGX, d("4000000000.01"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INSUFFICIENT_UNFUNDED: reducing MGX by 4,000,000,000.01 USD exceeds its "
                       + "unfunded commitment 4,000,000,000.00 USD");
    }

    @Test
    void cancelSetsCommittedToCalledAndNamesTheCancelledAmount() {
        // OPENAI: 19,000,000,000.00 committed, 3,800,000,000.01 called: 15,199,999,999.99 is cancelled.
        fixture.given(partnersAfterFirstCall())
               .when(new CancelCommitment(PROGRAM, OPENAI, FEB_1))
               .expectEvents(new CommitmentCancelled(PROGRAM, OPENAI, usd("15199999999.99"), FEB_1));
    }

    @Test
    void cancellingAFullyCalledCommitmentIsRejectedWithNothingToCancel() {
        fixture.given(plus(equityPartners(), new CommitmentCancelled(PROGRAM, ORACLE, usd("7000000000.00"), LAUNCH))
                       .toArray())
               .when(new CancelCommitment(PROGRAM, ORACLE, FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("NOTHING_TO_CANCEL: investor ORACLE has no unfunded commitment: committed "
                       + "0.00 USD is all called");
    }

    @Test
    void transferMovesUnfundedCommitment() {
        fixture.given(plus(equityPartners(), new EquityCommitted(PROGRAM, NEWCO, "NewCo", usd("1.00"), LAUNCH)).toArray())
               .when(new TransferCommitment(PROGRAM, SOFTBANK, NEWCO, d("2000000000.00"), "USD", FEB_1))
               .expectEvents(new CommitmentTransferred(PROGRAM, SOFTBANK, NEWCO, usd("2000000000.00"), FEB_1));
    }

    @Test
    void transferToAnUnknownInvestorIsRejectedWithUnknownInvestor() {
        fixture.given(equityPartners().toArray())
               .when(new TransferCommitment(PROGRAM, SOFTBANK, NEWCO, d("1.00"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("UNKNOWN_INVESTOR: investor NEWCO has no commitment in program STARGATE");
    }

    @Test
    void transferToItselfIsRejectedWithSameInvestor() {
        fixture.given(equityPartners().toArray())
               .when(new TransferCommitment(PROGRAM, MGX, MGX, d("1.00"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("SAME_INVESTOR: cannot transfer commitment from MGX to itself");
    }

    @Test
    void transferBeyondTheUnfundedCommitmentIsRejectedWithInsufficientUnfunded() {
        fixture.given(partnersAfterFirstCall())
               .when(new TransferCommitment(PROGRAM, MGX, ORACLE, d("4000000000.01"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INSUFFICIENT_UNFUNDED: transfer of 4,000,000,000.01 USD exceeds the unfunded "
                       + "commitment 4,000,000,000.00 USD of MGX");
    }

    @Test
    void anInvestorInDefaultCannotTransferAndIsRejectedWithInvestorInDefault() {
        fixture.given(plus(java.util.List.of(partnersAfterFirstCall()),
                       new CallDefaultRecorded(PROGRAM, new CallId("C1"), MGX, usd("1000000000.00"), FEB_1)).toArray())
               .when(new TransferCommitment(PROGRAM, MGX, ORACLE, d("1.00"), "USD", FEB_1))
               .expectNoEvents()
               .expectException(LedgerRejection.class)
               .expectExceptionMessage("INVESTOR_IN_DEFAULT: investor MGX is in default on calls [C1] and cannot "
                       + "transfer commitment");
    }
}
