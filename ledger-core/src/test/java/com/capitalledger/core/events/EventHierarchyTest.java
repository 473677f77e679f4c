package com.capitalledger.core.events;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.core.rates.api.BaseRateEvent;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.ProgramEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored event type belongs to exactly one sealed area, so code that must see all of an area's events can
 * enumerate them. The areas are sealed per package (see {@link EquityEvent} for why), so completeness across packages
 * is checked here, against the event types found in the compiled classes.
 */
class EventHierarchyTest {

    private static final List<Class<?>> AREAS = List.of(ProgramStructureEvent.class, EquityEvent.class,
            DebtEvent.class, CashFlowEvent.class, BaseRateEvent.class);

    @Test
    void theEventTypesAreFoundInEveryApiPackageAndNoCommandOrValueIsTakenForOne() {
        assertThat(EventTypes.all()).contains(ProgramCreated.class, EquityCommitted.class, TrancheDrawn.class,
                        BaseRateFixed.class, CommandRejected.class)
                .doesNotContain(CreateProgram.class, CommitEquity.class, DrawTranche.class, Allocation.class,
                        LenderShare.class, ProgramEvent.class, EquityEvent.class);
    }

    @Test
    void everyLedgerEventBelongsToExactlyOneSealedAreaAndAProgramEventToAProgramArea() {
        for (Class<?> type : EventTypes.all()) {
            if (type == CommandRejected.class) {
                continue;
            }
            List<Class<?>> areas = AREAS.stream().filter(area -> area.isAssignableFrom(type)).toList();
            assertThat(areas).as("sealed areas of %s", type.getName()).hasSize(1);
            assertThat(ProgramEvent.class.isAssignableFrom(areas.get(0)))
                    .as("%s is a program event as its area %s is", type.getName(), areas.get(0).getName())
                    .isEqualTo(ProgramEvent.class.isAssignableFrom(type));
        }
    }

    @Test
    void onlyTheRefusalIsStoredOutsideTheLedgerEvents() {
        assertThat(EventTypes.all().stream().filter(type -> !LedgerEvent.class.isAssignableFrom(type)))
                .containsExactly(CommandRejected.class);
    }

    @Test
    void theAreasPermitExactlyTheLedgerEventsFound() {
        List<Class<?>> permitted = new ArrayList<>();
        for (Class<?> area : AREAS) {
            assertThat(area.isSealed()).as("%s is sealed", area.getName()).isTrue();
            permitted.addAll(Arrays.asList(area.getPermittedSubclasses()));
        }
        assertThat(permitted).containsExactlyInAnyOrderElementsOf(
                EventTypes.all().stream().filter(LedgerEvent.class::isAssignableFrom).toList());
    }

    @Test
    void everyEventTypeHasOneSampleOfExactlyThatType() {
        assertThat(EventSamples.all()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventTypes.all());
        EventTypes.all().forEach(type -> assertThat(EventSamples.of(type)).isExactlyInstanceOf(type));
    }
}
