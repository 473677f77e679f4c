package com.capitalledger.projections.program;

import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.TableFacts;
import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.support.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The programs read model: each program's terms in {@code program_summary}, and what its phases have deployed in
 * {@code phase_movement}. Answers {@link FindProgram}. Its own processing group, so it can be replayed alone.
 */
@Component
@ProcessingGroup(ReadModel.Names.PROGRAMS)
public class ProgramProjection extends MovementProjection {

    private final ProgramSummaryRepository summaries;

    public ProgramProjection(ProgramSummaryRepository summaries, PhaseMovementTable phases, EventPositions positions) {
        super(ReadModel.PROGRAMS, positions, List.of(
                new RecordedTable<>(ProgramSummary::of, summaries::save, summaries::deleteAll,
                        new TableFacts<>("program_summary", event -> ProgramSummary.of(event.recorded()),
                                rows -> rows.forEach(summaries::save), ProgramSummary::programId, null,
                                summaries::all)),
                RecordedTable.of(phases.facts(), recorded -> PhaseMovements.of(recorded).stream().toList(),
                        (PhaseMovement m) -> m.globalIndex() + "/0")));
        this.summaries = summaries;
    }

    @EventHandler
    void on(ProgramStructureEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(EquityEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @EventHandler
    void on(DebtEvent event, TrackingToken token, @Timestamp Instant at) {
        record(event, token, at);
    }

    @QueryHandler
    Optional<ProgramSummary> handle(FindProgram query) {
        return summaries.find(query.programId());
    }
}
