package com.capitalledger.projections.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read models' one registration: every read model exactly once, under its own processing group. */
class ReadModelRegistryTest {

    private static TableDerivation<String> table(String name) {
        return new TableDerivation<>(name, event -> List.of(), rows -> { }, row -> row, null, List::of);
    }

    /** A projection of whichever read model it is given, under the processing group "programs". */
    @ProcessingGroup(ReadModel.Names.PROGRAMS)
    private record Programs(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table(readModel.id() + "_table"));
        }
    }

    @ProcessingGroup(ReadModel.Names.INVESTOR_POSITIONS)
    private record InvestorPositions(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table("equity_a"), table("equity_b"));
        }
    }

    @ProcessingGroup(ReadModel.Names.CAPITAL_CALLS)
    private record Calls(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table("calls"));
        }
    }

    @ProcessingGroup(ReadModel.Names.TRANCHES)
    private record Tranches(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table("debt"));
        }
    }

    @ProcessingGroup(ReadModel.Names.AUDIT_TRAIL)
    private record Audit(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table("audit"));
        }
    }

    @ProcessingGroup(ReadModel.Names.CASH_FLOWS)
    private record CashFlows(ReadModel readModel) implements ProjectedReadModel {
        @Override
        public List<TableDerivation<?>> tables() {
            return List.of(table("cash_flows"));
        }
    }

    private static List<ProjectedReadModel> everyOne() {
        return new ArrayList<>(List.of(new Programs(ReadModel.PROGRAMS),
                new InvestorPositions(ReadModel.INVESTOR_POSITIONS), new Calls(ReadModel.CAPITAL_CALLS),
                new Tranches(ReadModel.TRANCHES), new Audit(ReadModel.AUDIT_TRAIL),
                new CashFlows(ReadModel.CASH_FLOWS)));
    }

    @Test
    void eachReadModelsTablesComeFromItsProjectionAndAllAreInTheReadModelsOrder() {
        List<ProjectedReadModel> projections = everyOne();
        java.util.Collections.reverse(projections);
        ReadModelRegistry facts = new ReadModelRegistry(projections);

        assertThat(facts.of(ReadModel.INVESTOR_POSITIONS)).extracting(TableDerivation::table)
                .containsExactly("equity_a", "equity_b");
        assertThat(facts.of(List.of(ReadModel.TRANCHES, ReadModel.PROGRAMS))).extracting(TableDerivation::table)
                .containsExactly("debt", "programs_table");
        assertThat(facts.all()).extracting(TableDerivation::table)
                .containsExactly("programs_table", "equity_a", "equity_b", "calls", "debt", "audit",
                        "cash_flows");
    }

    @Test
    void aReadModelWithoutAProjectionStopsTheStart() {
        List<ProjectedReadModel> projections = everyOne();
        projections.remove(2);
        assertThatThrownBy(() -> new ReadModelRegistry(projections)).isInstanceOf(IllegalStateException.class)
                .hasMessage("read model capital-calls has no projection");
    }

    @Test
    void aReadModelProjectedTwiceStopsTheStart() {
        List<ProjectedReadModel> projections = everyOne();
        projections.add(new Programs(ReadModel.PROGRAMS));
        assertThatThrownBy(() -> new ReadModelRegistry(projections)).isInstanceOf(IllegalStateException.class)
                .hasMessage("read model programs has more than one projection");
    }

    @Test
    void aProjectionWhoseProcessingGroupIsNotItsReadModelsStopsTheStart() {
        List<ProjectedReadModel> projections = everyOne();
        projections.set(0, new Programs(ReadModel.AUDIT_TRAIL));
        assertThatThrownBy(() -> new ReadModelRegistry(projections)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("projects read model audit-trail but its @ProcessingGroup is programs");
    }

    @Test
    void everyReadModelIsNamedByItsProcessingGroupAndFoundByName() {
        for (ReadModel model : ReadModel.values()) {
            assertThat(model.processingGroup()).isEqualTo(model.id());
            assertThat(ReadModel.named(model.id())).contains(model);
        }
        assertThat(Arrays.stream(ReadModel.values()).map(ReadModel::id))
                .containsExactly("programs", "investor-positions", "capital-calls", "tranches", "audit-trail",
                        "cash-flows");
        assertThat(ReadModel.named("journal")).isEmpty();
    }
}
