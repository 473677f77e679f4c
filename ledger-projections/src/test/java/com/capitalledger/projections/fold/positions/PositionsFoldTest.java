package com.capitalledger.projections.fold.positions;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.equity.InvestorPosition.Status;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.program.PhasePosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.capitalledger.projections.fold.Values.USD;
import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.rate;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A program's positions folded from its events in memory, as of a date and as known at an instant: the equity and
 * debt columns, the capitalisation against the gearing covenant, and a back-dated fixing that changes accrued
 * interest as known after it but not before.
 */
class PositionsFoldTest {

    private static final ProgramId P1 = new ProgramId("P1");
    private static final PhaseId PH1 = new PhaseId("PH1");
    private static final InvestorId ALPHA = new InvestorId("ALPHA");
    private static final InvestorId BETA = new InvestorId("BETA");
    private static final CallId C1 = new CallId("C1");
    private static final TrancheId T1 = new TrancheId("T1");
    private static final LenderId L1 = new LenderId("L1");
    private static final BaseRateName SOFR = new BaseRateName("SOFR");

    private final Journal journal = new Journal();
    private final Recorded<Object> created;
    private final Recorded<Object> correction;

    /**
     * Paid-in 1bn against a 2.3bn draw (69.7 % debt, within 75 %), then Beta's default takes paid-in to 600m (79.3 %).
     * SOFR 4.00 from 1 January is corrected to 4.50 from 15 January, recorded last.
     */
    PositionsFoldTest() {
        created = journal.add(new ProgramCreated(P1, "Program one", USD, usd("10000000000.00"),
                new Percentage(d("75.0000")), day("2025-01-02")));
        journal.add(new PhaseCreated(P1, PH1, "Phase one", usd("5000000000.00"), day("2025-01-02")));
        journal.add(new EquityCommitted(P1, ALPHA, "Alpha", usd("600000000.00"), day("2025-01-02")));
        journal.add(new EquityCommitted(P1, BETA, "Beta", usd("400000000.00"), day("2025-01-02")));
        journal.add(new EquityCommitted(new ProgramId("P2"), ALPHA, "Alpha", usd("1.00"), day("2025-01-02")));
        journal.add(new CapitalCalled(P1, C1, PH1, usd("1000000000.00"), "site works",
                List.of(new Allocation(ALPHA, usd("600000000.00")), new Allocation(BETA, usd("400000000.00"))),
                day("2025-01-06")));
        journal.add(new TrancheCreated(P1, T1, PH1, "Senior", Seniority.SENIOR, usd("3000000000.00"), SOFR,
                rate("2.0000"), rate("0.2500"), day("2025-12-31"),
                List.of(new Lender(L1, "Lender one", usd("3000000000.00"))), day("2025-01-06")));
        journal.add(new BaseRateFixed(SOFR, rate("4.00000"), day("2025-01-01")));
        journal.add(new TrancheDrawn(P1, T1, new DrawId("D1"), usd("2300000000.00"),
                List.of(new LenderShare(L1, usd("2300000000.00"))), day("2025-01-10")));
        journal.add(new CallDefaultRecorded(P1, C1, BETA, usd("400000000.00"), day("2025-01-20")));
        correction = journal.add(new BaseRateFixed(SOFR, rate("4.50000"), day("2025-01-15")));
    }

    private ProgramPositions at(String asOf, Instant knownAt) {
        return PositionsFold.positions(journal.entries(), "P1", new Bitemporal(day(asOf), knownAt)).orElseThrow();
    }

    private Instant beforeTheCorrection() {
        return correction.recordedAt().minusMillis(1);
    }

    @Test
    void asKnownBeforeTheCorrectionTheDrawAccruesAtTheFirstFixing() {
        ProgramPositions positions = at("2025-01-19", beforeTheCorrection());

        assertThat(positions.investors()).extracting(InvestorPosition::investorId, InvestorPosition::paidIn,
                InvestorPosition::ownershipPct, InvestorPosition::ownershipPctPaidIn).containsExactly(
                tuple("ALPHA", d("600000000.00"), d("60.000000"), d("60.000000")),
                tuple("BETA", d("400000000.00"), d("40.000000"), d("40.000000")));
        TranchePosition tranche = positions.tranches().get(0);
        assertThat(tranche.baseRatePct()).isEqualTo("4.00000");
        assertThat(tranche.allInRatePct()).isEqualTo("6.00000");
        // 2.3bn × 6.00 × 10 days (10th-19th) = 138,000,000,000 / 36,000
        assertThat(tranche.accruedInterest()).isEqualTo(d("3833333.33"));
        // 3bn × 0.25 × 4 days (6th-9th) + 0.7bn × 0.25 × 10 days = 4,750,000,000 / 36,000
        assertThat(tranche.accruedCommitmentFee()).isEqualTo(d("131944.44"));
        // 2.3bn / 3.3bn = 69.69696...%
        assertThat(positions.capitalisation()).isEqualTo(new Capitalisation(d("1000000000.00"), d("2300000000.00"),
                d("3300000000.00"), d("69.696970"), d("75.0000"), true));
        assertThat(positions.phases()).containsExactly(new PhasePosition("PH1", "Phase one", d("5000000000.00"),
                d("1000000000.00"), d("2300000000.00"), d("3300000000.00"), d("1700000000.00")));
    }

    @Test
    void asKnownAfterTheBackDatedCorrectionInterestFollowsTheCorrectedRate() {
        TranchePosition tranche = at("2025-01-19", Instant.MAX).tranches().get(0);

        assertThat(tranche.baseRatePct()).isEqualTo("4.50000");
        assertThat(tranche.allInRatePct()).isEqualTo("6.50000");
        // 2.3bn × 6.00 × 5 days (10th-14th) + 2.3bn × 6.50 × 5 days (15th-19th) = 143,750,000,000 / 36,000
        assertThat(tranche.accruedInterest()).isEqualTo(d("3993055.56"));
        assertThat(tranche.accruedCommitmentFee()).isEqualTo(d("131944.44"));
    }

    @Test
    void aDefaultAfterTheDrawTakesPaidInDownAndTheGearingPastTheCovenant() {
        ProgramPositions positions = at("2025-01-20", Instant.MAX);

        assertThat(positions.investors().get(1)).isEqualTo(new InvestorPosition("BETA", "Beta", d("400000000.00"),
                d("400000000.00"), d("0.00"), d("400000000.00"), d("0.00"), d("40.000000"), d("0.000000"),
                Status.IN_DEFAULT, List.of("C1")));
        // 2.3bn / 2.9bn = 79.310344...%: above 75 %, reported as it is (the covenant stops draws, not defaults).
        assertThat(positions.capitalisation()).isEqualTo(new Capitalisation(d("600000000.00"), d("2300000000.00"),
                d("2900000000.00"), d("79.310345"), d("75.0000"), false));
        assertThat(positions.equityTotals().paidIn()).isEqualTo(d("600000000.00"));
        assertThat(positions.debtTotals().outstanding()).isEqualTo(d("2300000000.00"));
    }

    @Test
    void asOfADateBeforeTheDrawThereIsNoDebtAndOnlyTheFeeAccrues() {
        ProgramPositions positions = at("2025-01-09", Instant.MAX);

        TranchePosition tranche = positions.tranches().get(0);
        assertThat(tranche.drawn()).isEqualTo(d("0.00"));
        assertThat(tranche.accruedInterest()).isEqualTo(d("0.00"));
        // 3bn × 0.25 × 4 days / 36,000
        assertThat(tranche.accruedCommitmentFee()).isEqualTo(d("83333.33"));
        assertThat(positions.capitalisation()).isEqualTo(new Capitalisation(d("1000000000.00"), d("0.00"),
                d("1000000000.00"), d("0.000000"), d("75.0000"), true));
    }

    @Test
    void anotherProgramsEventsAreLeftOutAndAProgramNotYetKnownHasNoPositions() {
        assertThat(at("2025-12-31", Instant.MAX).equityTotals().committed()).isEqualTo(d("1000000000.00"));
        assertThat(PositionsFold.positions(journal.entries(), "P1",
                new Bitemporal(day("2025-12-31"), created.recordedAt().minusMillis(1)))).isEmpty();
        assertThat(PositionsFold.positions(journal.entries(), "P2", new Bitemporal(day("2025-12-31"), Instant.MAX)))
                .isEmpty();
    }

    @Test
    void theDocumentCarriesTheDatesItWasAskedAt() {
        Instant knownAt = beforeTheCorrection();

        ProgramPositions positions = at("2025-01-19", knownAt);

        assertThat(positions.programId()).isEqualTo("P1");
        assertThat(positions.asOf()).isEqualTo(day("2025-01-19"));
        assertThat(positions.knownAt()).isEqualTo(knownAt);
    }
}
