package com.capitalledger.projections.readmodel;

import com.capitalledger.core.events.EventSamples;
import com.capitalledger.core.events.EventTypes;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.calls.CallProjection;
import com.capitalledger.projections.debt.DebtProjection;
import com.capitalledger.projections.equity.EquityProjection;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.calls.CallMovements;
import com.capitalledger.projections.fold.debt.DebtMovements;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.program.ProgramProjection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each read model's processor reads, by sealed event family, every event type its mapping turns into facts. A type
 * of no family it reads would be passed by and left out of the tables without a word; a family none of whose events
 * brings a fact would be read for nothing.
 */
class ReadModelHandlersTest {

    private static boolean brings(Object event, Predicate<Recorded<Object>> facts) {
        return facts.test(new Recorded<>(event, 1, Instant.EPOCH));
    }

    private static List<Class<?>> typesThatBring(Predicate<Recorded<Object>> facts) {
        return EventTypes.all().stream().filter(type -> brings(EventSamples.of(type), facts)).toList();
    }

    /**
     * The projection reads sealed event families, each named once; together they cover every type that brings facts,
     * and each family holds at least one of them.
     */
    private static void assertHandles(Class<?> projection, List<Class<?>> bringingFacts) {
        List<Class<?>> handled = MovementProjection.families(projection);
        assertThat(handled).doesNotHaveDuplicates().allSatisfy(family -> assertThat(family.isSealed())
                .as(family.getSimpleName() + " is a sealed family").isTrue());
        assertThat(bringingFacts).isNotEmpty().allSatisfy(type -> assertThat(handled)
                .as(type.getSimpleName()).anyMatch(family -> family.isAssignableFrom(type)));
        assertThat(handled).allSatisfy(family -> assertThat(bringingFacts)
                .as(family.getSimpleName()).anyMatch(family::isAssignableFrom));
    }

    @Test
    void theInvestorPositionsHandleEveryEventTheEquityMappingMoves() {
        assertHandles(EquityProjection.class, typesThatBring(r -> !EquityMovements.of(r).isEmpty()));
    }

    @Test
    void theCapitalCallsHandleEveryEventTheCallMappingMoves() {
        assertHandles(CallProjection.class, typesThatBring(r -> !CallMovements.of(r).isEmpty()));
    }

    @Test
    void theTranchesHandleEveryEventTheDebtMappingMovesOrFixes() {
        assertHandles(DebtProjection.class, typesThatBring(
                r -> !DebtMovements.of(r).isEmpty() || DebtMovements.fixing(r).isPresent()));
    }

    @Test
    void theProgramsHandleTheirCreationAndEveryEventThePhaseMappingMoves() {
        assertHandles(ProgramProjection.class, typesThatBring(
                r -> r.event() instanceof ProgramCreated || PhaseMovements.of(r).isPresent()));
    }
}
