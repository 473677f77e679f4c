package com.capitalledger.projections.program;

import java.util.List;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ProjectedReadModel;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.projections.readmodel.ReadModelProjection;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.eventstore.EventOffsets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The programs read model: each program's terms in {@code program_summary}, and what its phases have deployed in
 * {@code phase_movement}. Answers {@link FindProgram}. Its own processing group, so it can be replayed alone.
 */
@Component
@ProcessingGroup(ReadModel.Names.PROGRAMS)
public class ProgramProjection extends ReadModelProjection implements ProjectedReadModel {


    private final ProgramSummaryRepository summaries;
    private final PhaseMovementTable phases;
    private final EventOffsets positions;

    public ProgramProjection(ProgramSummaryRepository summaries, PhaseMovementTable phases, EventOffsets positions) {
        this.summaries = summaries;
        this.phases = phases;
        this.positions = positions;
    }

    @EventHandler
    void on(ProgramCreated event, @Timestamp Instant recordedAt) {
        summaries.save(ProgramSummary.of(event, recordedAt));
    }

    private void record(Object event, TrackingToken token, Instant recordedAt) {
        PhaseMovements.of(positions.recorded(event, token, recordedAt)).ifPresent(phases.facts()::insert);
    }

    @EventHandler
    void on(PhaseCreated event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(CapitalCalled event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(TrancheCreated event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(TrancheDrawn event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @QueryHandler
    Optional<ProgramSummary> handle(FindProgram query) {
        return summaries.find(query.programId());
    }

    @ResetHandler
    void onReset() {
        summaries.deleteAll();
        phases.facts().deleteAll();
    }

    @Override
    public ReadModel readModel() {
        return ReadModel.PROGRAMS;
    }

    @Override
    public List<TableDerivation<?>> tables() {
        return List.of(
                new TableDerivation<ProgramSummary>("program_summary", e -> e.payload() instanceof ProgramCreated created
                        ? List.of(ProgramSummary.of(created, e.recordedAt())) : List.of(),
                        rows -> rows.forEach(summaries::save), ProgramSummary::programId, null, summaries::all),
                new TableDerivation<>("phase_movement", e -> PhaseMovements.of(e.recorded()).stream().toList(),
                        phases.facts()::copyAll, m -> m.globalIndex() + "/0",
                        (from, to) -> phases.facts().where(TableDerivation.RANGE, from, to), null));
    }
}
