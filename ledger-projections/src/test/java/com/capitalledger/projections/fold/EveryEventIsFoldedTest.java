package com.capitalledger.projections.fold;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.events.EventSamples;
import com.capitalledger.core.events.EventTypes;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateEvent;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.projections.fold.audit.AuditEntries;
import com.capitalledger.projections.fold.audit.AuditEntry;
import com.capitalledger.projections.fold.calls.CallMovement;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.fold.positions.PositionsFold;
import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.fold.program.PhaseMovements;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type the ledger stores (found in the compiled classes, one sample each) reaches every fold that must
 * see it, and no other: each equity event moves an investor, each debt event a tranche, each fixing a base rate, the
 * calls and phases see the events about them, and every event, refusals included, gets an audit line. A new event
 * type without a mapping fails here rather than being passed over by the read models.
 */
class EveryEventIsFoldedTest {

    private static final long INDEX = 41;
    private static final Instant RECORDED = Instant.parse("2025-03-03T10:15:30.123Z");
    /** The capital-call read model: calls and what becomes of their allocations, not commitments. */
    private static final Set<Class<?>> CALL_EVENTS = Set.of(CapitalCalled.class, CallDefaultRecorded.class,
            CallDefaultCured.class);
    /** What a phase deploys: its budget, equity called for it, its tranches and what they draw (repaid stays spent). */
    private static final Set<Class<?>> PHASE_EVENTS = Set.of(PhaseCreated.class, CapitalCalled.class,
            TrancheCreated.class, TrancheDrawn.class);

    private static Recorded<Object> recorded(Class<?> type) {
        return new Recorded<>(EventSamples.of(type), INDEX, RECORDED);
    }

    @Test
    void everyEquityEventMovesAnInvestorAndNoOtherEventDoes() {
        for (Class<?> type : EventTypes.all()) {
            List<EquityMovement> movements = EquityMovements.of(recorded(type));
            if (EquityEvent.class.isAssignableFrom(type)) {
                ProgramEvent event = (ProgramEvent) EventSamples.of(type);
                assertThat(movements).as(type.getSimpleName()).isNotEmpty().allSatisfy(m -> {
                    assertThat(m.globalIndex()).isEqualTo(INDEX);
                    assertThat(m.programId()).isEqualTo(event.programId().value());
                    assertThat(m.effectiveDate()).isEqualTo(event.effectiveDate());
                    assertThat(m.recordedAt()).isEqualTo(RECORDED);
                });
                assertThat(movements).extracting(EquityMovement::line).as(type.getSimpleName())
                        .containsExactlyElementsOf(lines(movements.size()));
            } else {
                assertThat(movements).as(type.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void everyDebtEventMovesATrancheAndNoOtherEventDoes() {
        for (Class<?> type : EventTypes.all()) {
            List<DebtMovement> movements = DebtMovements.of(recorded(type));
            if (DebtEvent.class.isAssignableFrom(type)) {
                ProgramEvent event = (ProgramEvent) EventSamples.of(type);
                assertThat(movements).as(type.getSimpleName()).isNotEmpty().allSatisfy(m -> {
                    assertThat(m.globalIndex()).isEqualTo(INDEX);
                    assertThat(m.programId()).isEqualTo(event.programId().value());
                    assertThat(m.effectiveDate()).isEqualTo(event.effectiveDate());
                });
                assertThat(movements).extracting(DebtMovement::line).as(type.getSimpleName())
                        .containsExactlyElementsOf(lines(movements.size()));
            } else if (type == WaterfallRun.class) {
                // A waterfall's principal repays each tranche it paid, one movement per lender's share.
                WaterfallRun run = (WaterfallRun) EventSamples.of(type);
                List<DebtMovement> shares = run.tranches().stream().flatMap(payment -> payment.principalShares()
                        .stream().filter(share -> share.amount().amount().signum() > 0)
                        .map(share -> (DebtMovement) new DebtMovement.Repaid(INDEX, 0, run.programId().value(),
                                payment.trancheId().value(), share.lenderId().value(), share.amount().amount(),
                                run.paymentDate(), RECORDED))).toList();
                assertThat(shares).as("the sample waterfall pays principal").isNotEmpty();
                assertThat(movements).hasSameSizeAs(shares).allSatisfy(m -> assertThat(m)
                        .isInstanceOf(DebtMovement.Repaid.class));
                assertThat(movements).extracting(DebtMovement::line).containsExactlyElementsOf(lines(shares.size()));
                assertThat(movements).extracting(DebtMovement::trancheId, DebtMovement::effectiveDate)
                        .containsExactlyElementsOf(shares.stream().map(m -> org.assertj.core.groups.Tuple.tuple(
                                m.trancheId(), m.effectiveDate())).toList());
            } else {
                assertThat(movements).as(type.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void everyBaseRateEventFixesARateAndNoOtherEventDoes() {
        for (Class<?> type : EventTypes.all()) {
            Optional<FixingRow> fixing = DebtMovements.fixing(recorded(type));
            if (BaseRateEvent.class.isAssignableFrom(type)) {
                assertThat(fixing).as(type.getSimpleName()).hasValueSatisfying(f -> {
                    assertThat(f.globalIndex()).isEqualTo(INDEX);
                    assertThat(f.effectiveDate()).isEqualTo(((LedgerEvent) EventSamples.of(type)).effectiveDate());
                });
            } else {
                assertThat(fixing).as(type.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void theCallEventsMoveACallAndNoOtherEventDoes() {
        assertThat(EventTypes.all()).containsAll(CALL_EVENTS);
        for (Class<?> type : EventTypes.all()) {
            List<CallMovement> movements = CallMovements.of(recorded(type));
            if (CALL_EVENTS.contains(type)) {
                assertThat(movements).as(type.getSimpleName()).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.callId()).isEqualTo("C1"));
                assertThat(movements).extracting(CallMovement::line).as(type.getSimpleName())
                        .containsExactlyElementsOf(lines(movements.size()));
            } else {
                assertThat(movements).as(type.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void thePhaseEventsMoveAPhaseAndNoOtherEventDoes() {
        assertThat(EventTypes.all()).containsAll(PHASE_EVENTS);
        for (Class<?> type : EventTypes.all()) {
            Optional<PhaseMovement> movement = PhaseMovements.of(recorded(type));
            assertThat(movement.isPresent()).as(type.getSimpleName()).isEqualTo(PHASE_EVENTS.contains(type));
        }
    }

    @Test
    void theProgramsCreationIsWhatMakesItsPositionsKnown() {
        Bitemporal atTheEnd = new Bitemporal(EventSamples.DAY, RECORDED);
        for (Class<?> type : EventTypes.all()) {
            boolean known = PositionsFold.of(List.of(recorded(type)), EventSamples.PROGRAM.value()).at(atTheEnd)
                    .isPresent();
            assertThat(known).as(type.getSimpleName()).isEqualTo(type == ProgramCreated.class);
        }
    }

    @Test
    void everyCashFlowEventIsACashFlowFactAndNoOtherEventIs() {
        assertThat(EventTypes.all()).filteredOn(CashFlowEvent.class::isAssignableFrom).hasSize(6);
        for (Class<?> type : EventTypes.all()) {
            Optional<CashFlowFact> fact = CashFlowFact.of(recorded(type));
            if (CashFlowEvent.class.isAssignableFrom(type)) {
                ProgramEvent event = (ProgramEvent) EventSamples.of(type);
                assertThat(fact).as(type.getSimpleName()).hasValueSatisfying(f -> {
                    assertThat(f.globalIndex()).isEqualTo(INDEX);
                    assertThat(f.programId()).isEqualTo(event.programId().value());
                    assertThat(f.effectiveDate()).isEqualTo(event.effectiveDate());
                    assertThat(f.recordedAt()).isEqualTo(RECORDED);
                    assertThat(f.event()).isEqualTo(event);
                });
            } else {
                assertThat(fact).as(type.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void everyEventGetsAnAuditLineRefusalsAsRefusals() {
        Map<String, String> metadata = Map.of("actor", "treasury-1", "correlationId", "corr-1");
        for (Class<?> type : EventTypes.all()) {
            Object event = EventSamples.of(type);
            AuditEntry entry = AuditEntries.of("event-" + type.getSimpleName(), INDEX, event, RECORDED, metadata);

            assertThat(entry.entryId()).isEqualTo("event-" + type.getSimpleName());
            assertThat(entry.position()).isEqualTo(INDEX);
            assertThat(entry.actor()).isEqualTo("treasury-1");
            assertThat(entry.correlationId()).isEqualTo("corr-1");
            assertThat(entry.effectiveDate()).isEqualTo(EventSamples.DAY);
            if (event instanceof CommandRejected refusal) {
                assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
                assertThat(entry.type()).isEqualTo(refusal.command());
                assertThat(entry.code()).isEqualTo(refusal.code());
                assertThat(entry.programId()).isEqualTo(refusal.programId());
            } else {
                assertThat(entry.outcome()).as(type.getSimpleName()).isEqualTo(AuditEntry.Outcome.ACCEPTED);
                assertThat(entry.type()).isEqualTo(type.getSimpleName());
                assertThat(entry.code()).isNull();
            }
            if (event instanceof ProgramEvent programEvent) {
                assertThat(entry.programId()).as(type.getSimpleName()).isEqualTo(programEvent.programId().value());
            }
        }
    }

    private static List<Integer> lines(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
