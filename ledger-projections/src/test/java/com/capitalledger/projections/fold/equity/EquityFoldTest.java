package com.capitalledger.projections.fold.equity;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Values;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.equity.EquityMovement.Kind;
import com.capitalledger.projections.fold.equity.InvestorPosition.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The investor-positions fold, fed equity events in memory, to the cent and to the millionth of a percent. */
class EquityFoldTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final CallId C1 = new CallId("C1");
    private static final InvestorId SOFTBANK = new InvestorId("SOFTBANK");
    private static final InvestorId OPENAI = new InvestorId("OPENAI");
    private static final InvestorId ORACLE = new InvestorId("ORACLE");
    private static final InvestorId MGX = new InvestorId("MGX");

    private static InvestorPositions fold(Journal journal) {
        InvestorPositions positions = new InvestorPositions(Values.USD);
        journal.entries().forEach(recorded -> positions.applyAll(EquityMovements.of(recorded)));
        return positions;
    }

    private static Allocation allocation(InvestorId investor, String amount) {
        return new Allocation(investor, usd(amount));
    }

    /**
     * Commitments, an increase, a call split by largest remainder, a transfer, a reduction, a cancellation and a
     * default. The call of 1,000,000,000.00 on unfunded 19e9 / 19e9 / 8e9: floors 413,043,478.26 twice and
     * 173,913,043.47, the odd cent to Oracle's larger remainder.
     */
    private static Journal history() {
        Journal journal = new Journal();
        journal.add(new EquityCommitted(P, SOFTBANK, "SoftBank", usd("19000000000.00"), day("2025-01-21")));
        journal.add(new EquityCommitted(P, OPENAI, "OpenAI", usd("19000000000.00"), day("2025-01-21")));
        journal.add(new EquityCommitted(P, ORACLE, "Oracle", usd("7000000000.00"), day("2025-01-21")));
        journal.add(new CommitmentIncreased(P, ORACLE, usd("1000000000.00"), day("2025-02-03")));
        journal.add(new CapitalCalled(P, C1, ABILENE, usd("1000000000.00"), "site works",
                List.of(allocation(SOFTBANK, "413043478.26"), allocation(OPENAI, "413043478.26"),
                        allocation(ORACLE, "173913043.48")), day("2025-03-03")));
        journal.add(new EquityCommitted(P, MGX, "MGX", usd("3000000000.00"), day("2025-03-10")));
        journal.add(new CommitmentTransferred(P, OPENAI, MGX, usd("1000000000.00"), day("2025-04-01")));
        journal.add(new CommitmentReduced(P, SOFTBANK, usd("500000000.00"), day("2025-04-15")));
        // OpenAI's unfunded: 19e9 - 1e9 transferred - 413,043,478.26 called.
        journal.add(new CommitmentCancelled(P, OPENAI, usd("17586956521.74"), day("2025-05-01")));
        journal.add(new CallDefaultRecorded(P, C1, ORACLE, usd("173913043.48"), day("2025-05-02")));
        return journal;
    }

    @Test
    void everyInvestorIsFoldedToExactFiguresWithOwnershipOnCalledAndOnPaidIn() {
        List<InvestorPosition> positions = fold(history()).positions();

        // Ownership: 413,043,478.26 / 1e9 = 41.3043478|26 % -> 41.304348; 173,913,043.48 / 1e9 -> 17.391304.
        // On paid-in (826,086,956.52 after Oracle's default) SoftBank and OpenAI hold exactly half each.
        assertThat(positions).containsExactly(
                new InvestorPosition("MGX", "MGX", d("4000000000.00"), d("0.00"), d("0.00"), d("0.00"),
                        d("4000000000.00"), d("0.000000"), d("0.000000"), Status.ACTIVE, List.of()),
                new InvestorPosition("OPENAI", "OpenAI", d("413043478.26"), d("413043478.26"), d("413043478.26"),
                        d("0.00"), d("0.00"), d("41.304348"), d("50.000000"), Status.ACTIVE, List.of()),
                new InvestorPosition("ORACLE", "Oracle", d("8000000000.00"), d("173913043.48"), d("0.00"),
                        d("173913043.48"), d("7826086956.52"), d("17.391304"), d("0.000000"), Status.IN_DEFAULT,
                        List.of("C1")),
                new InvestorPosition("SOFTBANK", "SoftBank", d("18500000000.00"), d("413043478.26"),
                        d("413043478.26"), d("0.00"), d("18086956521.74"), d("41.304348"), d("50.000000"),
                        Status.ACTIVE, List.of()));
    }

    @Test
    void theTotalsAreTheInvestorsFiguresAddedUp() {
        InvestorPositions folded = fold(history());
        List<InvestorPosition> positions = folded.positions();

        assertThat(folded.totals()).isEqualTo(new EquityTotals(d("30913043478.26"), d("1000000000.00"),
                d("826086956.52"), d("173913043.48"), d("29913043478.26"), d("100.000000"), d("100.000000")));
        assertThat(folded.totals().committed()).isEqualTo(sum(positions.stream().map(InvestorPosition::committed)));
        assertThat(folded.totals().unfunded())
                .isEqualTo(folded.totals().committed().subtract(folded.totals().called()));
        assertThat(folded.totals().paidIn()).isEqualTo(folded.totals().called().subtract(folded.totals().defaulted()));
    }

    @Test
    void ownershipIsRoundedPerInvestorAndTheSumReportedAsItComesAfterADefaultAndItsCure() {
        InvestorId alpha = new InvestorId("ALPHA");
        InvestorId beta = new InvestorId("BETA");
        InvestorId gamma = new InvestorId("GAMMA");
        Journal journal = new Journal();
        for (InvestorId investor : List.of(alpha, beta, gamma)) {
            journal.add(new EquityCommitted(P, investor, investor.value(), usd("10.00"), day("2025-01-21")));
        }
        journal.add(new CapitalCalled(P, C1, ABILENE, usd("3.00"), "fees", List.of(allocation(alpha, "1.00"),
                allocation(beta, "1.00"), allocation(gamma, "1.00")), day("2025-02-03")));
        journal.add(new CallDefaultRecorded(P, C1, beta, usd("1.00"), day("2025-02-10")));

        InvestorPositions inDefault = fold(journal);
        assertThat(inDefault.positions()).extracting(InvestorPosition::ownershipPct)
                .containsExactly(d("33.333333"), d("33.333333"), d("33.333333"));
        assertThat(inDefault.positions()).extracting(InvestorPosition::ownershipPctPaidIn)
                .containsExactly(d("50.000000"), d("0.000000"), d("50.000000"));
        assertThat(inDefault.positions().get(1).status()).isEqualTo(Status.IN_DEFAULT);
        assertThat(inDefault.totals().ownershipPctSum()).isEqualTo(d("99.999999"));
        assertThat(inDefault.totals().ownershipPctPaidInSum()).isEqualTo(d("100.000000"));

        journal.add(new CallDefaultCured(P, C1, beta, usd("1.00"), day("2025-02-20")));

        InvestorPositions cured = fold(journal);
        assertThat(cured.positions().get(1)).isEqualTo(new InvestorPosition("BETA", "BETA", d("10.00"), d("1.00"),
                d("1.00"), d("0.00"), d("9.00"), d("33.333333"), d("33.333333"), Status.ACTIVE, List.of()));
        assertThat(cured.totals().ownershipPctPaidInSum()).isEqualTo(d("99.999999"));
    }

    @Test
    void aTransferMovesCommitmentOutOfOneInvestorAndIntoTheOtherOnTwoLinesOfOneEvent() {
        Recorded<Object> transfer = new Journal().add(
                new CommitmentTransferred(P, OPENAI, MGX, usd("1000000000.00"), day("2025-04-01")));

        assertThat(EquityMovements.of(transfer)).containsExactly(
                new EquityMovement(1, 0, "STARGATE", "OPENAI", Kind.TRANSFERRED_OUT, null, null,
                        d("-1000000000.00"), d("0.00"), d("0.00"), day("2025-04-01"), Journal.START),
                new EquityMovement(1, 1, "STARGATE", "MGX", Kind.TRANSFERRED_IN, null, null,
                        d("1000000000.00"), d("0.00"), d("0.00"), day("2025-04-01"), Journal.START));
    }

    @Test
    void aCallMovesEachAllocatedInvestorByItsAllocationAndTheLinesAddUpToTheCall() {
        Journal journal = history();
        Recorded<?> call = journal.entries().get(4);

        List<EquityMovement> movements = EquityMovements.of(call);

        assertThat(movements).extracting(EquityMovement::investorId, EquityMovement::called, EquityMovement::callId)
                .containsExactly(tuple("SOFTBANK", d("413043478.26"), "C1"),
                        tuple("OPENAI", d("413043478.26"), "C1"),
                        tuple("ORACLE", d("173913043.48"), "C1"));
        assertThat(sum(movements.stream().map(EquityMovement::called))).isEqualTo(d("1000000000.00"));
        assertThat(movements).allSatisfy(m -> assertThat(m.kind()).isEqualTo(Kind.CALLED));
    }

    private static BigDecimal sum(Stream<BigDecimal> figures) {
        return figures.reduce(d("0.00"), BigDecimal::add);
    }
}
