package com.capitalledger.projections.fold.calls;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.calls.CallMovement.Kind;
import com.capitalledger.projections.fold.calls.CapitalCallView.AllocationView;
import com.capitalledger.projections.fold.calls.CapitalCallView.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The capital-call fold, fed call, default and cure events in memory. */
class CallsFoldTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final PhaseId MILAM = new PhaseId("MILAM");
    private static final CallId C1 = new CallId("C1");
    private static final CallId C2 = new CallId("C2");
    private static final InvestorId SOFTBANK = new InvestorId("SOFTBANK");
    private static final InvestorId OPENAI = new InvestorId("OPENAI");
    private static final InvestorId ORACLE = new InvestorId("ORACLE");

    private static CapitalCalls fold(Journal journal) {
        CapitalCalls calls = new CapitalCalls();
        journal.entries().forEach(recorded -> calls.applyAll(CallMovements.of(recorded)));
        return calls;
    }

    /**
     * Oracle defaults on the first call and is left out of the second, as the brief's call rule wants; SoftBank and
     * OpenAI have equal unfunded commitments then, so the second call's odd cent goes to the lower id, OpenAI.
     */
    private static Journal history() {
        Journal journal = new Journal();
        journal.add(new CapitalCalled(P, C1, ABILENE, usd("1000000000.00"), "site works",
                List.of(new Allocation(SOFTBANK, usd("413043478.26")), new Allocation(OPENAI, usd("413043478.26")),
                        new Allocation(ORACLE, usd("173913043.48"))), day("2025-03-03")));
        journal.add(new CallDefaultRecorded(P, C1, ORACLE, usd("173913043.48"), day("2025-04-01")));
        journal.add(new CapitalCalled(P, C2, MILAM, usd("500000000.01"), "power",
                List.of(new Allocation(SOFTBANK, usd("250000000.00")), new Allocation(OPENAI, usd("250000000.01"))),
                day("2025-05-01")));
        return journal;
    }

    @Test
    void eachCallShowsItsTermsAndEveryAllocationWithWhetherItIsInDefault() {
        CapitalCalls calls = fold(history());

        assertThat(calls.calls()).containsExactly(
                new CapitalCallView("C1", "ABILENE", d("1000000000.00"), "site works", day("2025-03-03"), List.of(
                        new AllocationView("OPENAI", d("413043478.26"), Status.ALLOCATED),
                        new AllocationView("ORACLE", d("173913043.48"), Status.IN_DEFAULT),
                        new AllocationView("SOFTBANK", d("413043478.26"), Status.ALLOCATED))),
                new CapitalCallView("C2", "MILAM", d("500000000.01"), "power", day("2025-05-01"), List.of(
                        new AllocationView("OPENAI", d("250000000.01"), Status.ALLOCATED),
                        new AllocationView("SOFTBANK", d("250000000.00"), Status.ALLOCATED))));
        for (CapitalCallView call : calls.calls()) {
            assertThat(call.allocations().stream().map(AllocationView::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("allocations of %s", call.callId()).isEqualTo(call.amount());
        }
    }

    @Test
    void aCureReturnsTheAllocationToAllocatedAndLeavesItsAmount() {
        Journal journal = history();
        journal.add(new CallDefaultCured(P, C1, ORACLE, usd("173913043.48"), day("2025-06-01")));

        assertThat(fold(journal).call("C1").orElseThrow().allocations())
                .contains(new AllocationView("ORACLE", d("173913043.48"), Status.ALLOCATED))
                .noneMatch(allocation -> allocation.status() == Status.IN_DEFAULT);
    }

    @Test
    void anUnknownCallHasNoView() {
        assertThat(fold(history()).call("C3")).isEmpty();
        assertThat(new CapitalCalls().calls()).isEmpty();
    }

    @Test
    void aCallIsOneLineForTheCallThenOneLinePerAllocation() {
        Recorded<?> call = history().entries().get(0);

        assertThat(CallMovements.of(call)).containsExactly(
                new CallMovement(1, 0, "STARGATE", "C1", Kind.CALLED, "ABILENE", null, d("1000000000.00"),
                        "site works", day("2025-03-03"), call.recordedAt()),
                new CallMovement(1, 1, "STARGATE", "C1", Kind.ALLOCATED, "ABILENE", "SOFTBANK", d("413043478.26"),
                        null, day("2025-03-03"), call.recordedAt()),
                new CallMovement(1, 2, "STARGATE", "C1", Kind.ALLOCATED, "ABILENE", "OPENAI", d("413043478.26"),
                        null, day("2025-03-03"), call.recordedAt()),
                new CallMovement(1, 3, "STARGATE", "C1", Kind.ALLOCATED, "ABILENE", "ORACLE", d("173913043.48"),
                        null, day("2025-03-03"), call.recordedAt()));
    }
}
