package com.capitalledger.core.whatif;

import com.capitalledger.core.InMemoryLedger;
import com.capitalledger.core.StargateHistory;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.core.whatif.ChangeOutcome.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static com.capitalledger.core.StargateHistory.P;
import static com.capitalledger.core.StargateHistory.d;
import static com.capitalledger.core.StargateHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What-if branches of the Stargate history, each checked against the live command path (Axon with an in-memory event
 * store) fed the history as the branch changes it: the same events, the same refusals with the same codes and messages.
 */
class BranchTest {

    private static final List<LedgerCommand> HISTORY = StargateHistory.commands();
    private static List<JournalEntry> recorded;

    @BeforeAll
    static void recordTheHistory() {
        recorded = live(HISTORY).journal;
    }

    /** What the live path records for these commands, and what it refuses (code and message, in order). */
    private record LiveRun(List<JournalEntry> journal, List<String> refusals) {
        List<LedgerEvent> events() {
            return BranchTest.events(journal);
        }
    }

    private static LiveRun live(List<LedgerCommand> commands) {
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            List<String> refusals = new ArrayList<>();
            for (LedgerCommand command : commands) {
                try {
                    ledger.commands().sendAndWait(command);
                } catch (LedgerRejection refused) {
                    refusals.add(refused.code() + ": " + refused.detail());
                }
            }
            return new LiveRun(ledger.journal(), refusals);
        }
    }

    private static List<LedgerEvent> events(List<JournalEntry> journal) {
        return journal.stream().map(JournalEntry::event).toList();
    }

    private static List<String> refusals(Branched branch) {
        return branch.consequences().stream().map(c -> c.code() + ": " + c.message()).toList();
    }

    private static int indexOf(Predicate<LedgerCommand> command) {
        for (int i = 0; i < HISTORY.size(); i++) {
            if (command.test(HISTORY.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such command in the history");
    }

    private static List<LedgerCommand> without(int index) {
        List<LedgerCommand> shortened = new ArrayList<>(HISTORY);
        shortened.remove(index);
        return shortened;
    }

    @Test
    void aBranchWithoutChangesIsTheRecordedJournal() {
        Branched branch = Branch.replay(P, recorded, List.of());

        assertThat(branch.journal()).isEqualTo(recorded);
        assertThat(branch.changes()).isEmpty();
        assertThat(branch.consequences()).isEmpty();
    }

    @Test
    void everyRecordedEventDecidedAgainGivesItselfBack() {
        // A fixing of a rate no tranche floats on, dated before everything: every event after it is decided again.
        RecordBaseRateFixing unused = new RecordBaseRateFixing("TERM-SOFR-12M", d("4.00000"), day("2024-12-31"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Add(unused)));

        assertThat(branch.changes()).extracting(ChangeOutcome::outcome).containsExactly(Outcome.ACCEPTED);
        assertThat(branch.journal().get(0).event()).isEqualTo(
                new BaseRateFixed(new BaseRateName("TERM-SOFR-12M"), new Rate(d("4.00000")),
                        day("2024-12-31")));
        assertThat(events(branch.journal().subList(1, branch.journal().size()))).isEqualTo(events(recorded));
        assertThat(branch.consequences()).isEmpty();
    }

    @ParameterizedTest(name = "removing {0}")
    @ValueSource(strings = {"call C1", "call C5", "draw D1", "repayment R1", "repricing of P1-MEZZ"})
    void removingAnEventGivesWhatPostingTheHistoryWithoutItGives(String what) {
        int index = indexOf(switch (what) {
            case "call C1" -> c -> c instanceof CallCapital call && call.callId().value().equals("C1");
            case "call C5" -> c -> c instanceof CallCapital call && call.callId().value().equals("C5");
            case "draw D1" -> c -> c instanceof DrawTranche draw && draw.drawId().value().equals("D1");
            case "repayment R1" -> c -> c instanceof RepayTranche repay && repay.repaymentId().value().equals("R1");
            default -> c -> c instanceof RepriceTranche;
        });

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Remove(recorded.get(index).eventId())));

        LiveRun shortened = live(without(index));
        assertThat(events(branch.journal())).isEqualTo(shortened.events());
        assertThat(refusals(branch)).isEqualTo(shortened.refusals());
        assertThat(branch.changes()).extracting(ChangeOutcome::op, ChangeOutcome::outcome)
                .containsExactly(tuple("remove", Outcome.ACCEPTED));
    }

    @Test
    void removingTheFirstCallReallocatesEveryLaterCall() {
        int first = indexOf(c -> c instanceof CallCapital call && call.callId().value().equals("C1"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Remove(recorded.get(first).eventId())));

        // Without C1's equity, nothing is paid in when D1 is drawn: the covenant stops it.
        assertThat(branch.consequences()).extracting(Consequence::type, c -> c.code().name(), Consequence::message)
                .containsExactly(tuple("TrancheDrawn", "GEARING_COVENANT_BREACH", "draw 7,777,777,777.77 USD would "
                        + "bring debt to 7,777,777,777.77 USD against paid-in equity 0.00 USD: 100.000000% of "
                        + "capitalisation, above the maximum 90%"));
        List<CapitalCalled> before = calls(events(recorded));
        List<CapitalCalled> after = calls(events(branch.journal()));
        assertThat(after).extracting(CapitalCalled::callId)
                .containsExactly(List.of("C2", "C3", "C4", "C5", "C6", "C7").stream().map(CallId::new).toArray(CallId[]::new));
        // Every later call is split on different unfunded commitments now, so its allocations change.
        for (CapitalCalled call : after) {
            CapitalCalled recordedCall = before.stream().filter(c -> c.callId().equals(call.callId())).findFirst()
                    .orElseThrow();
            assertThat(call.amount()).isEqualTo(recordedCall.amount());
            assertThat(call.allocations()).as(call.callId().value()).isNotEqualTo(recordedCall.allocations());
        }
    }

    private static List<CapitalCalled> calls(List<LedgerEvent> events) {
        return events.stream().filter(CapitalCalled.class::isInstance).map(CapitalCalled.class::cast).toList();
    }

    @Test
    void baseEventsTheBranchRefusesAreItsConsequencesWithTheLivePathsCodes() {
        int milam = indexOf(c -> c instanceof CreatePhase phase && phase.phaseId().value().equals("MILAM"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Remove(recorded.get(milam).eventId())));

        LiveRun shortened = live(without(milam));
        assertThat(events(branch.journal())).isEqualTo(shortened.events());
        assertThat(refusals(branch)).isEqualTo(shortened.refusals());
        assertThat(branch.consequences()).extracting(Consequence::type, c -> c.code().name()).containsExactly(
                tuple("TrancheCreated", "UNKNOWN_PHASE"),
                tuple("CapitalCalled", "UNKNOWN_PHASE"),
                tuple("CallDefaultRecorded", "UNKNOWN_CALL"),
                tuple("CapitalCalled", "UNKNOWN_PHASE"),
                tuple("TrancheDrawn", "UNKNOWN_TRANCHE"),
                tuple("CallDefaultCured", "UNKNOWN_CALL"),
                tuple("CapitalCalled", "UNKNOWN_PHASE"),
                tuple("TrancheDrawn", "UNKNOWN_TRANCHE"),
                tuple("TrancheRepaid", "UNKNOWN_TRANCHE"));
        assertThat(branch.consequences().get(0).eventId())
                .isEqualTo(recorded.get(indexOf(c -> c instanceof CreateTranche t
                        && t.trancheId().value().equals("P2-SENIOR"))).eventId());
    }

    @Test
    void anAddedCommandThatBreaksARuleIsRefusedWithTheLivePathsCodeAndMessage() {
        DrawTranche tooMuch = new DrawTranche(P, new TrancheId("P1-SENIOR"), new DrawId("D-X"), d("25000000000.00"),
                "USD", day("2025-12-31"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Add(tooMuch)));

        List<LedgerCommand> posted = new ArrayList<>(HISTORY);
        posted.add(tooMuch);
        LiveRun live = live(posted);
        assertThat(live.refusals()).hasSize(1);
        ChangeOutcome outcome = branch.changes().get(0);
        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.code()).isEqualTo(RejectionCode.COMMITMENT_EXCEEDED);
        assertThat(outcome.code() + ": " + outcome.message()).isEqualTo(live.refusals().get(0));
        assertThat(branch.journal()).isEqualTo(recorded);
    }

    @Test
    void anAddedCommandIsDecidedBeforeTheFirstEventEffectiveLaterThanItself() {
        CallCapital extra = new CallCapital(P, new CallId("C-X"), StargateHistory.ABILENE, d("999999999.99"), "USD",
                "what if", day("2025-06-15"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Add(extra)));

        int placement = 0;
        while (!HISTORY.get(placement).effectiveDate().isAfter(extra.effectiveDate())) {
            placement++;
        }
        List<LedgerCommand> posted = new ArrayList<>(HISTORY);
        posted.add(placement, extra);
        LiveRun live = live(posted);
        assertThat(live.refusals()).isEmpty();
        assertThat(events(branch.journal())).isEqualTo(live.events());
        assertThat(branch.journal().get(placement).eventId()).isEqualTo("what-if:0");
        assertThat(branch.journal().get(placement).recordedAt()).isEqualTo(recorded.get(placement).recordedAt());
    }

    @Test
    void aReplacementIsDecidedInTheReplacedEventsPlace() {
        int c3 = indexOf(c -> c instanceof CallCapital call && call.callId().value().equals("C3"));
        CallCapital smaller = new CallCapital(P, new CallId("C3"), StargateHistory.MILAM, d("1000000000.00"), "USD",
                "smaller", day("2025-05-01"));

        Branched branch = Branch.replay(P, recorded, List.of(new Change.Replace(recorded.get(c3).eventId(), smaller)));

        List<LedgerCommand> posted = new ArrayList<>(HISTORY);
        posted.set(c3, smaller);
        LiveRun live = live(posted);
        assertThat(events(branch.journal())).isEqualTo(live.events());
        assertThat(refusals(branch)).isEqualTo(live.refusals());
        assertThat(branch.changes()).extracting(ChangeOutcome::op, ChangeOutcome::outcome)
                .containsExactly(tuple("replace", Outcome.ACCEPTED));
    }

    @Test
    void aRateShiftRaisesTheRateInForceOnEveryDayFromItsDateAsPostingTheShiftedFixingsWould() {
        LocalDate from = day("2025-07-01");
        Change.ShiftRate shift = new Change.ShiftRate(new BaseRateName("SOFR"), from, 150);

        Branched branch = Branch.replay(P, recorded, List.of(shift));

        // Posted by hand: every SOFR fixing from July on 1.5 points higher, and one on July 1st at the rate then in
        // force (4.28, fixed for June 2nd) plus 1.5.
        List<LedgerCommand> shifted = new ArrayList<>();
        for (LedgerCommand command : HISTORY) {
            if (command instanceof RecordBaseRateFixing fixing && fixing.rateName().equals("SOFR")
                    && !fixing.effectiveDate().isBefore(from)) {
                shifted.add(new RecordBaseRateFixing("SOFR", fixing.ratePct().add(d("1.50")), fixing.effectiveDate()));
            } else {
                shifted.add(command);
            }
        }
        shifted.add(new RecordBaseRateFixing("SOFR", d("5.78000"), from));
        assertThat(sofr(events(branch.journal()))).isEqualTo(sofr(live(shifted).events()));
        assertThat(branch.changes()).extracting(ChangeOutcome::op, ChangeOutcome::outcome)
                .containsExactly(tuple("shiftRate", Outcome.ACCEPTED));
    }

    private static Object sofr(List<LedgerEvent> events) {
        BaseRateHistory fixings = new BaseRateHistory();
        events.stream().filter(BaseRateFixed.class::isInstance).map(BaseRateFixed.class::cast).forEach(fixings::apply);
        return fixings.steps(new BaseRateName("SOFR"));
    }

    @Test
    void aChangeNamingAnEventOutsideTheJournalIsInvalid() {
        assertThatThrownBy(() -> Branch.replay(P, recorded, List.of(new Change.Remove("no-such-event"))))
                .isInstanceOf(InvalidChange.class)
                .hasMessage("change 0: event no-such-event is not in the program's journal as known then");
    }

    @Test
    void anEventCannotBeChangedTwice() {
        String d1 = recorded.get(indexOf(c -> c instanceof DrawTranche draw && draw.drawId().value().equals("D1")))
                .eventId();

        assertThatThrownBy(() -> Branch.replay(P, recorded, List.of(new Change.Remove(d1), new Change.Remove(d1))))
                .isInstanceOf(InvalidChange.class)
                .hasMessage("change 1: event " + d1 + " is already removed or replaced by change 0");
    }

    @Test
    void theProgramsCreationCannotBeRemoved() {
        String creation = recorded.get(1).eventId();

        assertThatThrownBy(() -> Branch.replay(P, recorded, List.of(new Change.Remove(creation))))
                .isInstanceOf(InvalidChange.class)
                .hasMessageContaining("created the program");
    }

    @Test
    void aCommandForAnotherProgramIsInvalid() {
        DrawTranche elsewhere = new DrawTranche(new ProgramId("OTHER"), new TrancheId("P1-SENIOR"), new DrawId("D-X"),
                d("1.00"), "USD", day("2025-12-31"));

        assertThatThrownBy(() -> Branch.replay(P, recorded, List.of(new Change.Add(elsewhere))))
                .isInstanceOf(InvalidChange.class)
                .hasMessage("change 0: the command is for program OTHER, not STARGATE");
    }
}
