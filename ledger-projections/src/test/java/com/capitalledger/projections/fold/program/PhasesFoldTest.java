package com.capitalledger.projections.fold.program;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Values;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.program.PhaseMovement.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.rate;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase fold, fed events in memory: deployed = equity called for the phase (defaults included) + debt drawn on
 * its tranches, cumulative (repaid money is not available again), and remaining = budget - deployed.
 */
class PhasesFoldTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final PhaseId MILAM = new PhaseId("MILAM");
    private static final InvestorId SOFTBANK = new InvestorId("SOFTBANK");
    private static final LenderId L1 = new LenderId("L1");
    private static final TrancheId T1 = new TrancheId("T1");
    private static final TrancheId T2 = new TrancheId("T2");

    private static PhasePositions fold(Journal journal) {
        PhasePositions phases = new PhasePositions(Values.USD);
        journal.entries().forEach(recorded -> PhaseMovements.of(recorded).ifPresent(phases::apply));
        return phases;
    }

    private static TrancheCreated tranche(TrancheId id, PhaseId phase) {
        return new TrancheCreated(P, id, phase, id.value(), Seniority.SENIOR, usd("10000000000.00"),
                new BaseRateName("SOFR"), rate("2.0000"), rate("0.2500"), day("2027-12-31"),
                List.of(new Lender(L1, "Bank one", usd("10000000000.00"))), day("2025-02-01"));
    }

    private static TrancheDrawn draw(TrancheId tranche, String id, String amount, String day) {
        return new TrancheDrawn(P, tranche, new DrawId(id), usd(amount), List.of(new LenderShare(L1, usd(amount))),
                day(day));
    }

    private static CapitalCalled call(String id, PhaseId phase, String amount, String day) {
        return new CapitalCalled(P, new CallId(id), phase, usd(amount), "construction",
                List.of(new Allocation(SOFTBANK, usd(amount))), day(day));
    }

    private static Journal history() {
        Journal journal = new Journal();
        journal.add(new PhaseCreated(P, ABILENE, "Abilene", usd("100000000000.00"), day("2025-01-21")));
        journal.add(new PhaseCreated(P, MILAM, "Milam", usd("50000000000.00"), day("2025-01-21")));
        journal.add(call("C1", ABILENE, "1000000000.00", "2025-02-01"));
        journal.add(call("C2", MILAM, "250000000.01", "2025-02-01"));
        journal.add(tranche(T1, ABILENE));
        journal.add(tranche(T2, MILAM));
        journal.add(draw(T1, "D1", "3000000000.00", "2025-03-01"));
        journal.add(draw(T2, "D2", "700000000.00", "2025-03-01"));
        journal.add(draw(T1, "D3", "1234567.89", "2025-04-01"));
        journal.add(new TrancheRepaid(P, T1, new RepaymentId("R1"), usd("500000000.00"),
                List.of(new LenderShare(L1, usd("500000000.00"))), day("2025-05-01")));
        journal.add(new CallDefaultRecorded(P, new CallId("C1"), SOFTBANK, usd("1000000000.00"), day("2025-05-02")));
        return journal;
    }

    @Test
    void eachPhaseShowsItsBudgetAndWhatItsCallsAndTranchesDeployed() {
        assertThat(fold(history()).positions()).containsExactly(
                new PhasePosition("ABILENE", "Abilene", d("100000000000.00"), d("1000000000.00"),
                        d("3001234567.89"), d("4001234567.89"), d("95998765432.11")),
                new PhasePosition("MILAM", "Milam", d("50000000000.00"), d("250000000.01"), d("700000000.00"),
                        d("950000000.01"), d("49049999999.99")));
    }

    @Test
    void aTrancheIsOpenedOnItsPhaseSoThatItsDrawsAreAttributedToIt() {
        List<Recorded<?>> entries = history().entries();
        Recorded<?> opened = entries.get(4);
        Recorded<?> drawn = entries.get(6);

        assertThat(PhaseMovements.of(opened)).contains(new PhaseMovement(5, "STARGATE", Kind.TRANCHE_OPENED,
                "ABILENE", "T1", null, d("0.00"), day("2025-02-01"), opened.recordedAt()));
        assertThat(PhaseMovements.of(drawn)).contains(new PhaseMovement(7, "STARGATE", Kind.DEBT_DRAWN, null, "T1",
                null, d("3000000000.00"), day("2025-03-01"), drawn.recordedAt()));
    }

    @Test
    void aPhaseWithNothingDeployedHasItsWholeBudgetRemaining() {
        Journal journal = new Journal();
        journal.add(new PhaseCreated(P, MILAM, "Milam", usd("50000000000.00"), day("2025-01-21")));

        assertThat(fold(journal).positions()).containsExactly(new PhasePosition("MILAM", "Milam",
                d("50000000000.00"), d("0.00"), d("0.00"), d("0.00"), d("50000000000.00")));
    }
}
