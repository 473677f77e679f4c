package com.capitalledger.projections.program;

import com.capitalledger.core.debt.api.DebtEvent;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.program.api.ProgramStructureEvent;
import com.capitalledger.projections.eventstore.EventOffsets;
import com.capitalledger.projections.fold.program.PhaseMovements;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.movement.MovementProjection;
import com.capitalledger.projections.movement.Reads;
import com.capitalledger.projections.movement.RecordedTable;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The programs read model: each program's terms in {@code program_summary}, and what its phases have deployed in
 * {@code phase_movement}. Answers {@link FindProgram}. Its own processing group, so it can be replayed alone.
 */
@Component
@ProcessingGroup(ReadModel.Names.PROGRAMS)
@Reads({ProgramStructureEvent.class, EquityEvent.class, DebtEvent.class})
public class ProgramProjection extends MovementProjection {

    private final ProgramSummaryRepository summaries;

    public ProgramProjection(ProgramSummaryRepository summaries, PhaseMovementTable phases, EventOffsets offsets) {
        super(ReadModel.PROGRAMS, offsets,
                new RecordedTable<>(ProgramSummary::of, summaries::save, summaries::deleteAll,
                        new TableDerivation<>("program_summary", event -> ProgramSummary.of(event.recorded()),
                                rows -> rows.forEach(summaries::save), ProgramSummary::programId, null,
                                summaries::all)),
                RecordedTable.of(phases.facts(), recorded -> PhaseMovements.of(recorded).stream().toList()));
        this.summaries = summaries;
    }

    @QueryHandler
    Optional<ProgramSummary> handle(FindProgram query) {
        return summaries.find(query.programId());
    }
}
